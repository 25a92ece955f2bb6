"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createWebhookEndpointAction } from "@/actions/webhooks/create-webhook-endpoint-action";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { WebhookEndpointForm } from "./webhook-endpoint-form";
import { WebhookSecretValue } from "./webhook-secret-value";

const EMPTY = { url: "", description: "", events: [], enabled: true };

/** Adds an endpoint and shows its secret once, with the way to its page (where it can be revealed again). */
export function AddWebhookEndpoint({ teamSlug, language }: { teamSlug: string; language: string }) {
  const t = getCatalogue(language).teamSettings.webhooks;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <Card className="space-y-4 p-5">
      <h3 className="font-semibold">{t.add.title}</h3>
      {created ? (
        <div className="space-y-2">
          <Alert variant="success">{t.secret.shownOnce}</Alert>
          <WebhookSecretValue language={language} secret={created.secret} />
          <Link
            className="text-sm underline underline-offset-4"
            href={`/teams/${teamSlug}/settings/webhooks/${created.id}`}
          >
            {t.open}
          </Link>
        </div>
      ) : null}
      <WebhookEndpointForm
        key={formKey}
        language={language}
        idPrefix="new-webhook"
        initial={EMPTY}
        submitLabel={t.add.submit}
        pending={pending}
        error={error}
        fieldErrors={fieldErrors}
        onSubmit={(endpoint) =>
          startTransition(async () => {
            const result = await createWebhookEndpointAction({ teamSlug, endpoint });
            if (!result.ok) {
              setError(result.error);
              setFieldErrors(result.fieldErrors ?? {});
              return;
            }
            setError(null);
            setFieldErrors({});
            setCreated({ id: result.endpoint.id, secret: result.secret });
            setFormKey((key) => key + 1);
            toast.success(t.add.added);
            router.refresh();
          })
        }
      />
    </Card>
  );
}
