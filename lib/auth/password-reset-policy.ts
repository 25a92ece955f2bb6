/** How long a reset link works, and how often one may be asked for (shared by every instance: RateLimitBucket). */
export const PASSWORD_RESET_POLICY = {
  lifetimeMinutes: 30,
  windowSeconds: 60 * 60,
  /** Links per address per hour, whether or not an account exists (so the limit reveals nothing). */
  perAddress: 3,
  /** Requests (and attempts to use a link) per client address per hour. */
  perClient: 20,
} as const;
