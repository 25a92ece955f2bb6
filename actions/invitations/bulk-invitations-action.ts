"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { applyBulkInvitationAction } from "@/lib/invitations/apply-bulk-invitation-action";
import { bulkInvitationSchema } from "@/lib/invitations/bulk-invitation-schemas";

const inputSchema = bulkInvitationSchema.extend({ teamSlug: z.string().min(1).max(64) });

/** Resend, withdraw or delete the chosen invitations, or all matching the table's filter. */
export async function bulkInvitationsAction(input: unknown) {
  return runAction(
    inputSchema,
    input,
    async (actor, { teamSlug, action, target }) => {
      const result = await applyBulkInvitationAction(actor, { slug: teamSlug }, { action, target });
      if (!result.ok) return result;
      // The page refreshes to show each row's new state; the per-row outcomes stay on the server.
      const { outcomes: _outcomes, ...summary } = result;
      void _outcomes;
      return summary;
    },
    ({ teamSlug }) => `/teams/${teamSlug}/settings/invitations`,
  );
}
