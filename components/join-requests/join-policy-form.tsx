"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { updateJoinPolicyAction } from "@/actions/teams/update-join-policy-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { JOIN_POLICIES, type JoinPolicy } from "@/lib/join-requests/join-request-rules";

/** The Domains page's second setting: who on those domains may join without an invitation. */
export function JoinPolicyForm({
  teamSlug,
  language,
  policy,
  hasDomains,
}: {
  teamSlug: string;
  language: string;
  policy: JoinPolicy;
  hasDomains: boolean;
}) {
  const t = getCatalogue(language).joinRequests.policy;
  const [value, setValue] = useState<JoinPolicy>(policy);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const labels: Record<JoinPolicy, string> = { OFF: t.off, REQUEST: t.request, AUTO_JOIN: t.autoJoin };
  return (
    <form
      className="max-w-lg space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await updateJoinPolicyAction({ teamSlug, policy: { joinPolicy: value } });
          if (!result.ok) {
            setError(result.error);
            return;
          }
          setError(null);
          toast.success(t.saved);
        });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">{t.title}</legend>
        <p className="text-sm text-muted-foreground">{t.description}</p>
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        {!hasDomains && value !== "OFF" ? <Alert>{t.needsDomains}</Alert> : null}
        {JOIN_POLICIES.map((option) => (
          <label key={option} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="joinPolicy"
              value={option}
              checked={value === option}
              onChange={() => setValue(option)}
              className="mt-0.5 size-4 accent-primary"
            />
            {labels[option]}
          </label>
        ))}
      </fieldset>
      <Button type="submit" pending={pending}>
        {t.save}
      </Button>
    </form>
  );
}
