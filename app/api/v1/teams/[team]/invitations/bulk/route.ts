import { apiRoute, json } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { bulkInvitationsBodySchema } from "@/lib/api/schemas";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { describeBulkSummary } from "@/lib/i18n/invitations-bulk";
import { applyBulkInvitationAction } from "@/lib/invitations/apply-bulk-invitation-action";

export const POST = apiRoute<{ team: string }>("invitations:write", async ({ actor, request, params }) => {
  const body = await parseBody(request, bulkInvitationsBodySchema);
  if (!body.ok) return body.response;
  const result = await applyBulkInvitationAction(actor, toTeamRef(params.team), body.value);
  if (!result.ok) return problemFromFailure(result);
  const { outcomes, ...summary } = result;
  return json({
    action: summary.action,
    summary: describeBulkSummary("en", summary),
    matched: summary.matched,
    done: summary.done,
    skipped: summary.skipped,
    skippedBy: summary.skippedBy,
    results: outcomes,
  });
});
