import "server-only";
import { headers } from "next/headers";

/** The client's address as the nearest proxy reports it; "unknown" keeps limits working without one. */
export async function readClientAddress(): Promise<string> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || list.get("x-real-ip") || "unknown";
}
