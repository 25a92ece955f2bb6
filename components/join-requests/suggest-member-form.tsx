"use client";

import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { suggestMemberAction } from "@/actions/join-requests/suggest-member-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { getCatalogue } from "@/lib/i18n/catalogues";

/** For members who cannot invite: the address goes to the admins' Requests queue. */
export function SuggestMemberForm({
  teamSlug,
  teamName,
  language,
}: {
  teamSlug: string;
  teamName: string;
  language: string;
}) {
  const t = getCatalogue(language).joinRequests.suggest;
  const id = useId();
  const [email, setEmail] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Card className="space-y-3">
      <div className="space-y-1">
        <CardTitle>{t.title}</CardTitle>
        <CardDescription>{t.description(teamName)}</CardDescription>
      </div>
      <form
        className="max-w-lg space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = await suggestMemberAction({ teamSlug, suggestion: { email, note } });
            if (!result.ok) {
              setError(result.fieldErrors?.email?.[0] ?? result.error);
              return;
            }
            setError(null);
            setEmail("");
            setNote("");
            toast.success(t.sent(result.email));
          });
        }}
      >
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        <div className="space-y-2">
          <Label htmlFor={`${id}-email`}>{t.email}</Label>
          <Input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            required
            maxLength={320}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="space-y-2">
          <Label htmlFor={`${id}-note`}>{t.note}</Label>
          <Textarea
            id={`${id}-note`}
            rows={2}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <Button type="submit" pending={pending}>
          {t.submit}
        </Button>
      </form>
    </Card>
  );
}
