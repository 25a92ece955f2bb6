import type { ReactNode } from "react";
import { requireTeamPage } from "@/lib/teams/require-team-page";

// Checked above the page's loading boundary, so a refusal is a real 403/404 status.
export default async function ActivityLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  await requireTeamPage(slug, "members.manage", `/teams/${slug}/settings/activity`);
  return children;
}
