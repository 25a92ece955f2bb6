import { getSessionActor } from "@/lib/actions/session-actor";
import { csvDownload, streamInvitationsCsv } from "@/lib/invitations/stream-invitations-csv";
import { HTTP_STATUS } from "@/lib/result";

/** "Export CSV" on the invitations table: the same URL state, every matching row, streamed. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await streamInvitationsCsv(await getSessionActor(), { slug }, query);
  if (!result.ok)
    return new Response(result.error, {
      status: HTTP_STATUS[result.code],
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return csvDownload(result);
}
