import { apiRoute } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { csvDownload, streamInvitationsCsv } from "@/lib/invitations/stream-invitations-csv";

export const GET = apiRoute<{ team: string }>("invitations:read", async ({ actor, request, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await streamInvitationsCsv(actor, toTeamRef(params.team), query);
  if (!result.ok) return problemFromFailure(result);
  return csvDownload(result);
});
