import "server-only";

/** What the app shows of a key: never its hash, which is all that is stored of the secret. */
export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;
