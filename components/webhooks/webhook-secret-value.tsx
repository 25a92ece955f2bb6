"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { getCatalogue } from "@/lib/i18n/catalogues";

/** A secret in a read-only field with a copy button; it only ever lives in this component's props. */
export function WebhookSecretValue({ language, secret }: { language: string; secret: string }) {
  const t = getCatalogue(language).teamSettings.webhooks.secret;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      toast.success(t.copied);
    } catch {
      toast.error("Couldn't reach the clipboard. Select the secret and copy it by hand.");
    }
  };
  return (
    <div className="flex gap-2">
      <Input
        readOnly
        value={secret}
        aria-label={t.title}
        className="min-w-0 font-mono text-xs"
        onFocus={(event) => event.currentTarget.select()}
      />
      <Button type="button" variant="outline" size="icon" aria-label={t.copy} onClick={() => void copy()}>
        <Copy aria-hidden className="size-4" />
      </Button>
    </div>
  );
}
