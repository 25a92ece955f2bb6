const PREFIX = "invite:recipient:";

/** The per-address invitation limit is shared by every team, so the key holds the address alone. */
export function recipientRateLimitKey(emailCanonical: string): string {
  return `${PREFIX}${emailCanonical}`;
}

export function recipientFromRateLimitKey(key: string): string {
  return key.slice(PREFIX.length);
}

export function isRecipientRateLimitKey(key: string): boolean {
  return key.startsWith(PREFIX);
}
