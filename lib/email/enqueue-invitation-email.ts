import "server-only";
import type { Db } from "@/lib/db";

type Writer = Pick<Db, "emailOutbox">;

export type InvitationEmailJob = { invitationId: string; to: string; sendNumber: number };

export function invitationIdempotencyKey(invitationId: string, sendNumber: number): string {
  return `invitation/${invitationId}/send/${sendNumber}`;
}

/**
 * Written in the same transaction as the invitation: if the transaction commits, the email
 * will go out (at least once); if it rolls back, no email exists. The token is not copied
 * here: the sender reads the invitation's sealed token when it sends.
 */
export async function enqueueInvitationEmails(db: Writer, jobs: InvitationEmailJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await db.emailOutbox.createMany({
    data: jobs.map((job) => ({
      invitationId: job.invitationId,
      kind: "invitation",
      to: job.to,
      payload: { sendNumber: job.sendNumber },
      idempotencyKey: invitationIdempotencyKey(job.invitationId, job.sendNumber),
    })),
  });
}
