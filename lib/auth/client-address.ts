import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { parseClientAddress } from "./parse-client-address";

/** The client's address for rate limits, trusting only the configured proxies (TRUSTED_PROXY_HOPS). */
export async function readClientAddress(): Promise<string> {
  return parseClientAddress((await headers()).get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
}
