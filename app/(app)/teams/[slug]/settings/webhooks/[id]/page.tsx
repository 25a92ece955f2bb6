import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { WebhookDeliveryList } from "@/components/webhooks/webhook-delivery-list";
import { WebhookEndpointSettings } from "@/components/webhooks/webhook-endpoint-settings";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { requireTeamPage } from "@/lib/teams/require-team-page";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const metadata: Metadata = { title: "Webhook endpoint" };

type Props = {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const path = `/teams/${slug}/settings/webhooks/${id}`;
  const { user } = await requireTeamPage(slug, "team.settings", path);
  const cursor = (await searchParams).cursor;
  const actor = { kind: "user" as const, userId: user.id };
  const [endpoints, deliveries, language] = await Promise.all([
    listWebhookEndpoints(actor, { slug }),
    listWebhookDeliveries(actor, { slug }, id, typeof cursor === "string" ? { cursor } : {}),
    readRequestLanguage(),
  ]);
  const endpoint = endpoints.ok ? endpoints.endpoints.find((candidate) => candidate.id === id) : undefined;
  if (!endpoint) notFound();
  // An unreadable cursor (hand-edited, say) starts again from the newest deliveries.
  if (!deliveries.ok) redirect(path);
  const t = getCatalogue(language).teamSettings.webhooks;
  return (
    <section className="space-y-6" aria-labelledby="webhook-heading" lang={language}>
      <div className="space-y-2">
        <Link
          href={`/teams/${slug}/settings/webhooks`}
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft aria-hidden className="size-4" /> {t.back}
        </Link>
        <h2 id="webhook-heading" className="break-all font-mono text-lg font-semibold">
          {endpoint.url}
        </h2>
      </div>
      <WebhookEndpointSettings teamSlug={slug} language={language} endpoint={endpoint} />
      <div className="space-y-3">
        <h3 className="font-semibold">{t.deliveries.title}</h3>
        <WebhookDeliveryList
          teamSlug={slug}
          endpointId={endpoint.id}
          language={language}
          deliveries={deliveries.deliveries}
          next={deliveries.next}
          isFirstPage={typeof cursor !== "string"}
        />
      </div>
    </section>
  );
}
