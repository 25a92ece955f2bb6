import { ChevronRight, Webhook } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { WebhookEndpointDto } from "@/lib/webhooks/webhook-dto";

/** The team's endpoints, each a link to its deliveries and settings. */
export function WebhookEndpointList({
  teamSlug,
  language,
  endpoints,
}: {
  teamSlug: string;
  language: string;
  endpoints: WebhookEndpointDto[];
}) {
  const t = getCatalogue(language).teamSettings.webhooks;
  if (endpoints.length === 0) return <EmptyState icon={<Webhook aria-hidden />} title={t.empty} />;
  return (
    <ul className="divide-y rounded-lg border" aria-label={t.endpointsCount(endpoints.length)}>
      {endpoints.map((endpoint) => (
        <li key={endpoint.id}>
          <Link
            href={`/teams/${teamSlug}/settings/webhooks/${endpoint.id}`}
            className="flex items-center gap-3 p-4 hover:bg-accent/50 focus-visible:bg-accent/50 focus-visible:outline-none"
          >
            <div className="min-w-0 flex-1 space-y-1">
              <p className="break-all font-mono text-sm">{endpoint.url}</p>
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <Badge variant={endpoint.enabled ? "success" : "muted"}>
                  {endpoint.enabled ? t.enabled : t.disabled}
                </Badge>
                <span>{t.eventsCount(endpoint.events.length)}</span>
                {endpoint.description ? <span className="break-words">{endpoint.description}</span> : null}
              </div>
            </div>
            <ChevronRight aria-hidden className="size-4 shrink-0 text-muted-foreground" />
            <span className="sr-only">{t.open}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
