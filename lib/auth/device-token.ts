import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

function sign(emailCanonical: string, nonce: string): Buffer {
  return createHmac("sha256", env.AUTH_SECRET).update(`teamgate sign-in device\0${emailCanonical}\0${nonce}`).digest();
}

/** A token for the browser that just signed in to this account: a random id, signed together with the account. */
export function createDeviceToken(emailCanonical: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${sign(emailCanonical, nonce).toString("base64url")}`;
}

/** The device's id when `token` was issued for this account, otherwise null (forged, or another account's). */
export function verifyDeviceToken(token: string | null | undefined, emailCanonical: string): string | null {
  if (!token || token.length > 200) return null;
  const [nonce, signature, ...rest] = token.split(".");
  if (!nonce || !signature || rest.length > 0 || !/^[\w-]{22}$/.test(nonce)) return null;
  const expected = sign(emailCanonical, nonce);
  const actual = Buffer.from(signature, "base64url");
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? nonce : null;
}
