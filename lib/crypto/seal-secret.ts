import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * AES-256-GCM under a key derived from AUTH_SECRET for one purpose (HKDF info), for secrets the
 * server must read back (an invitation's token to email it, a webhook's signing secret): a
 * database dump alone yields none. `unseal` is null when AUTH_SECRET changed since sealing.
 */
export function createSealer(purpose: string) {
  let key: Buffer | undefined;
  const getKey = () => (key ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "teamgate", purpose, 32)));
  return {
    seal(secret: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", getKey(), iv);
      const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ["v1", iv.toString("base64url"), body.toString("base64url"), tag.toString("base64url")].join(".");
    },
    unseal(sealed: string): string | null {
      const [version, iv, body, tag] = sealed.split(".");
      if (version !== "v1" || !iv || !body || !tag) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", getKey(), Buffer.from(iv, "base64url"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}
