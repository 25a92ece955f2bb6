import "server-only";

const globalForHint = globalThis as unknown as { teamgateWebhooksQueued?: boolean };

/**
 * Whether this process queued a webhook delivery since the webhook lane last looked. The sender is
 * woken after every commit (signalOutbox), and most commits queue emails but no webhook: the lane
 * claims deliveries on a wake-up only with this hint set, and on its poll regardless (which also
 * catches the rare delivery that committed just after the lane looked). On globalThis, as the
 * route bundles and the sender each hold their own copy of this module.
 */
export function noteWebhooksQueued(): void {
  globalForHint.teamgateWebhooksQueued = true;
}

export function takeWebhooksQueued(): boolean {
  const queued = globalForHint.teamgateWebhooksQueued === true;
  globalForHint.teamgateWebhooksQueued = false;
  return queued;
}
