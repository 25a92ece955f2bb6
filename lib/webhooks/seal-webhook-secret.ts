import "server-only";
import { createSealer } from "@/lib/crypto/seal-secret";

const sealer = createSealer("webhook-secret-seal/v1");

/**
 * Signing needs the secret itself (an HMAC key cannot be hashed), so it is stored sealed: a
 * database dump alone cannot sign events.
 */
export const sealWebhookSecret = (secret: string) => sealer.seal(secret);

/** Null when AUTH_SECRET changed since it was sealed: the endpoint needs a new secret. */
export const unsealWebhookSecret = (sealed: string) => sealer.unseal(sealed);
