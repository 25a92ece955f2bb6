import "server-only";
import { Resend } from "resend";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type OutgoingEmail = { to: string; subject: string; html: string; text: string; idempotencyKey: string };

/** A null id means Resend had already accepted this idempotency key earlier, under a payload we no longer have. */
export type SendOutcome =
  | { ok: true; providerMessageId: string | null }
  | { ok: false; retryable: boolean; error: string; retryAfterSeconds?: number };

export const BATCH_LIMIT = 100;
/** Statuses that refuse this message or its address: sending the same request again cannot succeed. */
const UNDELIVERABLE_STATUSES = new Set([400, 422]);
/** 422s about our own configuration rather than the message: fixed by an operator, so retried. */
const CONFIGURATION_ERRORS = new Set(["invalid_from_address", "invalid_access", "invalid_region"]);
const MAX_RETRY_AFTER_SECONDS = 3600;

let client: Resend | undefined;
function getResend(): Resend {
  client ??= new Resend(env.RESEND_API_KEY);
  return client;
}

type ResendError = { message?: string; statusCode?: number | null; name?: string };

/**
 * The SDK answers { data, error } and does not throw: read the error, not an exception.
 * Only a refusal of the message itself (400, 422: an invalid recipient, say) is final. Everything
 * else is an outage from the recipient's point of view, retried until the email's deadline: 5xx,
 * 408, 409 (a concurrent request under the same key), 429 (rate limit or quota), a network
 * failure or timeout (no status), and an account problem (key, sender, domain) an operator fixes.
 */
function classify(error: ResendError, headers: Record<string, string> | null): SendOutcome {
  // Resend keeps a key only once it has sent under it: a refused replay means "already sent".
  if (error.name === "invalid_idempotent_request") return { ok: true, providerMessageId: null };
  const status = error.statusCode ?? null;
  const message = `${error.message ?? "Unknown error"}${status ? ` (HTTP ${status})` : ""}`;
  if (status !== null && UNDELIVERABLE_STATUSES.has(status) && !CONFIGURATION_ERRORS.has(error.name ?? "")) {
    return { ok: false, retryable: false, error: message };
  }
  const retryAfter = status === 429 ? Number(headers?.["retry-after"]) : Number.NaN;
  const retryAfterSeconds =
    Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) : undefined;
  return { ok: false, retryable: true, error: message, retryAfterSeconds };
}

const payload = (email: OutgoingEmail) => ({
  from: env.EMAIL_FROM,
  to: [email.to],
  subject: email.subject,
  html: email.html,
  text: email.text,
});

function requestSignal(signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(env.EMAIL_SEND_TIMEOUT_MS);
  return signal ? AbortSignal.any([timeout, signal]) : timeout;
}

/** Stopping the sender is a crash as far as the outbox knows: nothing gets recorded. */
function throwIfStopped(signal?: AbortSignal) {
  if (signal?.aborted) throw signal.reason;
}

/** One email under its own key (the invitation and send number): a retry is a replay. */
export async function sendEmail(email: OutgoingEmail, signal?: AbortSignal): Promise<SendOutcome> {
  if (!env.RESEND_API_KEY) return (await sendToMailbox([email]))[0]!;
  const { data, error, headers } = await getResend().emails.send(payload(email), {
    idempotencyKey: email.idempotencyKey,
    signal: requestSignal(signal),
  });
  throwIfStopped(signal);
  if (error) return classify(error, headers);
  // 200 without an id: Resend may or may not have queued it, so retry under the same key.
  if (!data?.id) return { ok: false, retryable: true, error: "Resend answered without an email id" };
  return { ok: true, providerMessageId: data.id };
}

/**
 * Up to 100 emails in one request under one key, which the caller keeps with the rows so
 * that a retry replays the same batch. Permissive validation: a message Resend refuses fails
 * alone instead of taking its 99 neighbours with it. Outcomes come back in input order.
 */
export async function sendEmailBatch(
  emails: OutgoingEmail[],
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<SendOutcome[]> {
  if (!env.RESEND_API_KEY) return sendToMailbox(emails);
  const { data, error, headers } = await getResend().batch.send(emails.map(payload), {
    idempotencyKey,
    batchValidation: "permissive",
    signal: requestSignal(signal),
  });
  throwIfStopped(signal);
  if (error) {
    const outcome = classify(error, headers);
    return emails.map(() => outcome);
  }
  const ids = data?.data ?? [];
  const refused = new Map((data?.errors ?? []).map((entry) => [entry.index, entry.message]));
  if (ids.length + refused.size !== emails.length) {
    return emails.map(() => ({ ok: false, retryable: true, error: "Resend's batch answer did not match the request" }));
  }
  let next = 0;
  return emails.map((_, index): SendOutcome => {
    const reason = refused.get(index);
    if (reason !== undefined) return { ok: false, retryable: false, error: reason };
    const id = ids[next++]?.id;
    return id
      ? { ok: true, providerMessageId: id }
      : { ok: false, retryable: true, error: "Resend answered without an email id" };
  });
}

/** Without a Resend key, mail goes to the local mailbox at /dev/mailbox. */
async function sendToMailbox(emails: OutgoingEmail[]): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const email of emails) {
    const stored = await db.mailboxMessage.upsert({
      where: { idempotencyKey: email.idempotencyKey },
      create: {
        idempotencyKey: email.idempotencyKey,
        from: env.EMAIL_FROM,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
      },
      update: {},
      select: { id: true },
    });
    console.info(`[email] to=${email.to} subject=${JSON.stringify(email.subject)} (local mailbox)`);
    outcomes.push({ ok: true, providerMessageId: `mailbox_${stored.id}` });
  }
  return outcomes;
}
