/** Also built in SQL, where a statement charges the recipients it inserted (charge-invite-quotas.ts). */
export const RECIPIENT_KEY_PREFIX = "invite:recipient:";
const PREFIX = RECIPIENT_KEY_PREFIX;

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
