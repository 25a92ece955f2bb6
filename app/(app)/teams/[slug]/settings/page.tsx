import { redirect } from "next/navigation";

export default async function TeamSettingsIndex({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/teams/${slug}/settings/members`);
}
