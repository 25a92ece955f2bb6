import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddWebhookEndpoint } from "@/components/webhooks/add-webhook-endpoint";
import { WebhookEndpointList } from "@/components/webhooks/webhook-endpoint-list";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { requireTeamPage } from "@/lib/teams/require-team-page";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, team } = await requireTeamPage(slug, "team.settings", `/teams/${slug}/settings/webhooks`);
  const [result, language] = await Promise.all([
    listWebhookEndpoints({ kind: "user", userId: user.id }, { slug }),
    readRequestLanguage(),
  ]);
  if (!result.ok) notFound();
  const t = getCatalogue(language).teamSettings.webhooks;
  return (
    <section className="space-y-4" aria-labelledby="webhooks-heading" lang={language}>
      <div>
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          {t.title}
        </h2>
        <p className="text-sm text-muted-foreground">{t.description(team.name)}</p>
      </div>
      <WebhookEndpointList teamSlug={slug} language={language} endpoints={result.endpoints} />
      <AddWebhookEndpoint teamSlug={slug} language={language} />
    </section>
  );
}
