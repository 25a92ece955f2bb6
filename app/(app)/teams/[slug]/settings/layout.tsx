import type { ReactNode } from "react";
import { SettingsNav } from "@/components/layout/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { readSettingsNavigation } from "@/lib/teams/read-settings-navigation";

// The navigation only hides what the role cannot use; every page still checks on its own.
export default async function TeamSettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const navigation = user ? await readSettingsNavigation(user.id, slug, { counts: true }) : null;
  if (!navigation) return children;
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description={`Team · ${navigation.teamName}`} />
      <div className="flex flex-col gap-6 md:flex-row">
        <SettingsNav links={navigation.links} />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
