import type { ReactNode } from "react";
import { requireTeamPage } from "@/lib/teams/require-team-page";

// Checked here, above the page's loading boundary, so a refusal is a real 403/404 status
// rather than an error inside an already-streaming 200 response.
export default async function InvitationsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  await requireTeamPage(slug, "members.manage", `/teams/${slug}/settings/invitations`);
  return children;
}
