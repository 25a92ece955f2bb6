"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/webhook-events";

export type WebhookEndpointFields = {
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
};

type Props = {
  language: string;
  /** The id prefix of the form's fields (two forms never share a page, but the add form and an edit form may). */
  idPrefix: string;
  initial: WebhookEndpointFields;
  submitLabel: string;
  pending: boolean;
  error: string | null;
  fieldErrors: Record<string, string[] | undefined>;
  onSubmit: (fields: WebhookEndpointFields) => void;
};

/** The add form and the edit form: URL, description, the events as checkboxes, and whether it is enabled. */
export function WebhookEndpointForm({
  language,
  idPrefix,
  initial,
  submitLabel,
  pending,
  error,
  fieldErrors,
  onSubmit,
}: Props) {
  const t = getCatalogue(language).teamSettings.webhooks;
  const [fields, setFields] = useState(initial);
  const set = <K extends keyof WebhookEndpointFields>(key: K, value: WebhookEndpointFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const urlError = fieldErrors.url?.[0];
  const eventsError = fieldErrors.events?.[0];

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(fields);
      }}
    >
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="space-y-2">
        <Label htmlFor={`${idPrefix}-url`}>{t.form.url}</Label>
        <Input
          id={`${idPrefix}-url`}
          type="url"
          inputMode="url"
          required
          maxLength={2000}
          value={fields.url}
          onChange={(event) => set("url", event.target.value)}
          placeholder="https://example.com/webhooks/teamgate"
          aria-invalid={urlError ? true : undefined}
          aria-describedby={`${idPrefix}-url-hint`}
        />
        <p id={`${idPrefix}-url-hint`} className="text-xs text-muted-foreground">
          {urlError ?? t.form.urlHint}
        </p>
      </div>
      <div className="space-y-2">
        <Label htmlFor={`${idPrefix}-description`}>{t.form.description}</Label>
        <Input
          id={`${idPrefix}-description`}
          maxLength={200}
          value={fields.description}
          onChange={(event) => set("description", event.target.value)}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t.form.events}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex min-w-0 items-start gap-2 text-sm">
              <Checkbox
                className="mt-0.5"
                checked={fields.events.includes(type)}
                onCheckedChange={(checked) =>
                  set(
                    "events",
                    checked === true ? [...fields.events, type] : fields.events.filter((event) => event !== type),
                  )
                }
              />
              <span className="min-w-0">
                {t.eventLabels[type]} <code className="break-all text-xs text-muted-foreground">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {eventsError ? <p className="text-xs text-destructive">{eventsError}</p> : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox checked={fields.enabled} onCheckedChange={(checked) => set("enabled", checked === true)} />
        {t.form.enabled}
      </label>
      <Button type="submit" pending={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
