"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { updateAllowedDomainsAction } from "@/actions/teams/update-allowed-domains-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { pluralize } from "@/lib/i18n/pluralize";

export function DomainsForm({ teamSlug, domains, canEdit }: { teamSlug: string; domains: string[]; canEdit: boolean }) {
  const [value, setValue] = useState(domains.join("\n"));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="max-w-lg space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await updateAllowedDomainsAction({ teamSlug, domains: value });
          if (!result.ok) {
            setError(result.error);
            return;
          }
          setError(null);
          setValue(result.domains.join("\n"));
          toast.success(
            result.domains.length
              ? `Invitations are limited to ${result.domains.length} ${pluralize("en", result.domains.length, { one: "domain", other: "domains" })}`
              : "Invitations may go to any domain",
          );
        });
      }}
    >
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="space-y-2">
        <Label htmlFor="allowed-domains">Allowed email domains</Label>
        <Textarea
          id="allowed-domains"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          rows={5}
          placeholder={"acme.com\nacme.co.uk"}
          readOnly={!canEdit}
          aria-describedby="allowed-domains-hint"
        />
        <p id="allowed-domains-hint" className="text-sm text-muted-foreground">
          One per line. Subdomains are included. Leave empty to allow any domain.
        </p>
      </div>
      {canEdit ? (
        <Button type="submit" pending={pending}>
          Save domains
        </Button>
      ) : null}
    </form>
  );
}
