import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GeneralSettingsForm } from "@/components/team-settings/general-settings-form";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { readTeamSettings } from "@/lib/teams/read-team-settings";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "General" };

export default async function GeneralSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user } = await requireTeamPage(slug, "team.manage", `/teams/${slug}/settings/general`);
  const [result, language] = await Promise.all([
    readTeamSettings({ kind: "user", userId: user.id }, { slug }),
    readRequestLanguage(),
  ]);
  if (!result.ok) notFound();
  const t = getCatalogue(language).teamSettings.general;
  return (
    <section className="space-y-4" aria-labelledby="general-heading" lang={language}>
      <div>
        <h2 id="general-heading" className="text-lg font-semibold">
          {t.title}
        </h2>
        <p className="text-sm text-muted-foreground">{t.description(result.settings.name)}</p>
      </div>
      {/* Keyed by the saved values, so a save (router.refresh) starts the form from what the server holds. */}
      <GeneralSettingsForm
        key={JSON.stringify(result.settings)}
        teamSlug={slug}
        language={language}
        settings={result.settings}
        seats={result.seats}
      />
    </section>
  );
}
