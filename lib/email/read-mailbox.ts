import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/validation/uuid";

/** The local mailbox exists only outside production (or when DEV_MAILBOX=on): null means "no such page". */
export async function listMailboxMessages(limit = 100) {
  if (!env.devMailboxEnabled) return null;
  return db.mailboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export async function getMailboxMessage(id: string) {
  if (!env.devMailboxEnabled || !isUuid(id)) return null;
  return db.mailboxMessage.findUnique({ where: { id } });
}
