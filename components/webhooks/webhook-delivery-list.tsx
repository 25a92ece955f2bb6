"use client";

import { Send } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { replayWebhookDeliveryAction } from "@/actions/webhooks/replay-webhook-delivery-action";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { isWebhookEventType } from "@/lib/webhooks/webhook-events";
import type { WebhookDeliveryDto } from "@/lib/webhooks/webhook-dto";

const STATUS_VARIANT: Record<WebhookDeliveryDto["status"], BadgeVariant> = {
  PENDING: "warning",
  SUCCEEDED: "success",
  FAILED: "destructive",
};

type Props = {
  teamSlug: string;
  endpointId: string;
  language: string;
  deliveries: WebhookDeliveryDto[];
  next: string | null;
  isFirstPage: boolean;
};

/** An endpoint's deliveries, newest first: status, attempts (each with its answer and duration), body, replay. */
export function WebhookDeliveryList({ teamSlug, endpointId, language, deliveries, next, isFirstPage }: Props) {
  const t = getCatalogue(language).teamSettings.webhooks;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [replaying, setReplaying] = useState<string | null>(null);
  const base = `/teams/${teamSlug}/settings/webhooks/${endpointId}`;

  const replay = (deliveryId: string) => {
    setReplaying(deliveryId);
    startTransition(async () => {
      const result = await replayWebhookDeliveryAction({ teamSlug, endpointId, deliveryId });
      setReplaying(null);
      if (result.ok) toast.success(t.deliveries.replayed);
      else toast.error(result.error);
      router.refresh();
    });
  };

  if (deliveries.length === 0 && isFirstPage) return <EmptyState title={t.deliveries.empty} />;
  return (
    <div className="space-y-3">
      <ul className="space-y-3">
        {deliveries.map((delivery) => (
          <li key={delivery.id} className="space-y-2 rounded-lg border p-4" data-testid="webhook-delivery">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <Badge variant={STATUS_VARIANT[delivery.status]}>{t.deliveries.status[delivery.status]}</Badge>
              <span className="min-w-0 break-words font-medium">
                {isWebhookEventType(delivery.eventType) ? t.eventLabels[delivery.eventType] : delivery.eventType}
              </span>
              <LocalTime value={delivery.createdAt} style="dateTime" className="text-sm text-muted-foreground" />
              <Button
                variant="outline"
                size="sm"
                className="ml-auto"
                pending={pending && replaying === delivery.id}
                onClick={() => replay(delivery.id)}
              >
                <Send aria-hidden className="size-4" /> {t.deliveries.replay}
              </Button>
            </div>
            <p className="text-sm text-muted-foreground">
              {t.deliveries.attempts(delivery.attempts)}
              {delivery.status === "PENDING" && delivery.nextAttemptAt ? (
                <>
                  {" · "}
                  {t.deliveries.nextAttempt} <LocalTime value={delivery.nextAttemptAt} style="dateTime" />
                </>
              ) : null}
            </p>
            {delivery.attemptLog.length > 0 ? (
              <ol className="space-y-1 text-sm">
                {delivery.attemptLog.map((attempt) => (
                  <li key={attempt.number} className="flex flex-wrap gap-x-3 gap-y-0.5">
                    <span className="text-muted-foreground">{t.deliveries.attemptNumber(attempt.number)}</span>
                    <LocalTime value={attempt.startedAt} style="dateTime" className="text-muted-foreground" />
                    <span className="font-mono">{attempt.statusCode ?? t.deliveries.noResponse}</span>
                    <span className="text-muted-foreground">{t.deliveries.duration(attempt.durationMs)}</span>
                    {attempt.error && attempt.statusCode === null ? (
                      <span className="min-w-0 break-words text-destructive">{attempt.error}</span>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
            <details className="text-sm">
              <summary className="cursor-pointer text-muted-foreground">{t.deliveries.body}</summary>
              <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-muted p-3 font-mono text-xs">
                {JSON.stringify(delivery.payload, null, 2)}
              </pre>
            </details>
          </li>
        ))}
      </ul>
      <nav className="flex gap-2" aria-label={t.deliveries.title}>
        {!isFirstPage ? (
          <Link className={buttonClassName("outline", "sm")} href={base}>
            {t.deliveries.newest}
          </Link>
        ) : null}
        {next ? (
          <Link className={buttonClassName("outline", "sm")} href={`${base}?cursor=${encodeURIComponent(next)}`}>
            {t.deliveries.older}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
