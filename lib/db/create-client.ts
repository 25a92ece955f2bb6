import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapterFactory, type DatabaseTarget } from "./adapter";

export function createPrismaClient(target: DatabaseTarget) {
  const { factory } = createAdapterFactory(target);
  return new PrismaClient({ adapter: factory });
}

export type Db = ReturnType<typeof createPrismaClient>;
