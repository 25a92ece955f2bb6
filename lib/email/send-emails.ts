import "server-only";
import { createHash } from "node:crypto";
import { Resend } from "resend";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type OutgoingEmail = { to: string; subject: string; html: string; text: string; idempotencyKey: string };

export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; retryable: boolean; error: string; retryAfterSeconds?: number };

const BATCH_LIMIT = 100;
const FINAL_ERRORS = new Set(["daily_quota_exceeded", "monthly_quota_exceeded", "validation_error", "invalid_from_address", "invalid_api_key", "restricted_api_key", "missing_api_key", "invalid_parameter"]);

let client: Resend | undefined;
function getResend(): Resend {
  client ??= new Resend(env.RESEND_API_KEY);
  return client;
}

type ResendError = { message?: string; statusCode?: number | null; name?: string };

/** The SDK answers { data, error } and does not throw: read the error, not an exception. */
function classify(error: ResendError, headers: Record<string, string> | null): SendOutcome {
  const status = error.statusCode ?? null;
  const message = `${error.message ?? "Unknown error"}${status ? ` (HTTP ${status})` : ""}`;
  if (status === 429) {
    const retryAfter = Number(headers?.["retry-after"]);
    const quota = error.name === "daily_quota_exceeded" || error.name === "monthly_quota_exceeded";
    return { ok: false, retryable: !quota, error: message, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined };
  }
  if (error.name && FINAL_ERRORS.has(error.name)) return { ok: false, retryable: false, error: message };
  if (status === null || status >= 500 || status === 409 || status === 408) return { ok: false, retryable: true, error: message };
  return { ok: false, retryable: false, error: message };
}

async function sendThroughResend(emails: OutgoingEmail[]): Promise<SendOutcome[]> {
  const resend = getResend();
  const payload = (email: OutgoingEmail) => ({ from: env.EMAIL_FROM, to: [email.to], subject: email.subject, html: email.html, text: email.text });
  const requestOptions = { signal: AbortSignal.timeout(env.EMAIL_SEND_TIMEOUT_MS) };
  if (emails.length === 1) {
    const email = emails[0]!;
    const { data, error, headers } = await resend.emails.send(payload(email), { idempotencyKey: email.idempotencyKey, ...requestOptions });
    if (error || !data?.id) return [classify(error ?? { message: "Resend answered without an email id" }, headers)];
    return [{ ok: true, providerMessageId: data.id }];
  }
  // One key for the batch, derived from its messages' keys: a retry of the same batch is a replay.
  const idempotencyKey = `batch/${createHash("sha256").update(emails.map((e) => e.idempotencyKey).join("\n")).digest("hex")}`;
  const { data, error, headers } = await resend.batch.send(emails.map(payload), { idempotencyKey, ...requestOptions });
  const ids = data?.data ?? [];
  if (error || ids.length !== emails.length) {
    const outcome = classify(error ?? { message: "Resend's batch answer did not match the request" }, headers);
    return emails.map(() => outcome);
  }
  return ids.map((entry) => (entry.id ? { ok: true as const, providerMessageId: entry.id } : { ok: false as const, retryable: true, error: "Missing email id" }));
}

/** Without a Resend key, mail goes to the local mailbox at /dev/mailbox. */
async function sendToMailbox(emails: OutgoingEmail[]): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const email of emails) {
    const stored = await db.mailboxMessage.upsert({
      where: { idempotencyKey: email.idempotencyKey },
      create: { idempotencyKey: email.idempotencyKey, from: env.EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
      update: {},
      select: { id: true },
    });
    console.info(`[email] to=${email.to} subject=${JSON.stringify(email.subject)} (local mailbox)`);
    outcomes.push({ ok: true, providerMessageId: `mailbox_${stored.id}` });
  }
  return outcomes;
}

/** Sends in batches of at most 100; the outcomes come back in the order of the input. */
export async function sendEmails(emails: OutgoingEmail[]): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (let start = 0; start < emails.length; start += BATCH_LIMIT) {
    const chunk = emails.slice(start, start + BATCH_LIMIT);
    outcomes.push(...(env.RESEND_API_KEY ? await sendThroughResend(chunk) : await sendToMailbox(chunk)));
  }
  return outcomes;
}
