"use client";

import { RotateCw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteWebhookEndpointAction } from "@/actions/webhooks/delete-webhook-endpoint-action";
import { revealWebhookSecretAction } from "@/actions/webhooks/reveal-webhook-secret-action";
import { rotateWebhookSecretAction } from "@/actions/webhooks/rotate-webhook-secret-action";
import { updateWebhookEndpointAction } from "@/actions/webhooks/update-webhook-endpoint-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LocalTime } from "@/components/ui/local-time";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { WebhookEndpointDto } from "@/lib/webhooks/webhook-dto";
import { WebhookEndpointForm, type WebhookEndpointFields } from "./webhook-endpoint-form";
import { WebhookSecretValue } from "./webhook-secret-value";

type Props = { teamSlug: string; language: string; endpoint: WebhookEndpointDto };

/** One endpoint's settings: the edit form, its signing secret (reveal, copy, rotate) and deletion. */
export function WebhookEndpointSettings({ teamSlug, language, endpoint }: Props) {
  const t = getCatalogue(language).teamSettings.webhooks;
  const router = useRouter();
  const target = { teamSlug, endpointId: endpoint.id };
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);

  const save = (fields: WebhookEndpointFields) =>
    startTransition(async () => {
      const result = await updateWebhookEndpointAction({ ...target, change: fields });
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setError(null);
      setFieldErrors({});
      toast.success(t.form.saved);
      router.refresh();
    });

  const reveal = () =>
    startTransition(async () => {
      const result = await revealWebhookSecretAction(target);
      if (result.ok) setSecret(result.secret);
      else toast.error(result.error);
    });

  const rotate = () =>
    startTransition(async () => {
      const result = await rotateWebhookSecretAction(target);
      setConfirm(null);
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      setSecret(result.secret);
      toast.success(t.secret.rotated);
      router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      const result = await deleteWebhookEndpointAction(target);
      setConfirm(null);
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(t.remove.deleted);
      router.push(`/teams/${teamSlug}/settings/webhooks`);
    });

  return (
    <div className="space-y-4">
      <Card className="p-5">
        <WebhookEndpointForm
          key={endpoint.updatedAt}
          language={language}
          idPrefix={`webhook-${endpoint.id}`}
          initial={{
            url: endpoint.url,
            description: endpoint.description,
            events: endpoint.events,
            enabled: endpoint.enabled,
          }}
          submitLabel={t.form.save}
          pending={pending}
          error={error}
          fieldErrors={fieldErrors}
          onSubmit={save}
        />
      </Card>
      <Card className="space-y-3 p-5">
        <div className="space-y-1">
          <h3 className="font-semibold">{t.secret.title}</h3>
          <p className="text-sm text-muted-foreground">{t.secret.hint}</p>
        </div>
        {secret ? <WebhookSecretValue language={language} secret={secret} /> : null}
        {endpoint.previousSecretExpiresAt ? (
          <p className="text-sm text-muted-foreground">
            {t.secret.previousUntil} <LocalTime value={endpoint.previousSecretExpiresAt} style="dateTime" />
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {secret ? (
            <Button variant="outline" onClick={() => setSecret(null)}>
              {t.secret.hide}
            </Button>
          ) : (
            <Button variant="outline" pending={pending} onClick={reveal}>
              {t.secret.reveal}
            </Button>
          )}
          <Button variant="outline" onClick={() => setConfirm("rotate")}>
            <RotateCw aria-hidden className="size-4" /> {t.secret.rotate}
          </Button>
        </div>
      </Card>
      <Button variant="outline" className="text-destructive" onClick={() => setConfirm("delete")}>
        <Trash2 aria-hidden className="size-4" /> {t.remove.button}
      </Button>
      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={t.secret.rotateTitle}
        description={t.secret.rotateBody}
        confirmLabel={t.secret.rotate}
        cancelLabel={t.cancel}
        pending={pending}
        onConfirm={rotate}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={t.remove.title}
        description={t.remove.body}
        confirmLabel={t.remove.confirm}
        cancelLabel={t.cancel}
        pending={pending}
        onConfirm={remove}
      />
    </div>
  );
}
