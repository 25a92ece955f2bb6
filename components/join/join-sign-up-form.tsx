"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { signUpThroughLinkAction } from "@/actions/invite-links/sign-up-through-link-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { getCatalogue } from "@/lib/i18n/catalogues";

type Field = "name" | "email" | "password";

/**
 * Sign-up through a link: the account is created unverified and signed in, and the page asks the
 * person to follow the emailed confirmation, which is what joins the team.
 */
export function JoinSignUpForm({ token, language }: { token: string; language: string }) {
  const t = getCatalogue(language).inviteLinks.join;
  // Until hydrated, a native submit would skip our handler; keep the password out of any URL.
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [sentTo, setSentTo] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const account = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    startTransition(async () => {
      setError(null);
      let result;
      try {
        result = await signUpThroughLinkAction({ token, account });
      } catch {
        setError(t.requestFailed);
        return;
      }
      if (!result.ok) {
        const fields = result.fieldErrors ?? {};
        const pick = (key: Field) => fields[key]?.[0] ?? fields[`account.${key}`]?.[0];
        const next = Object.fromEntries(
          (["name", "email", "password"] as const).flatMap((key) => (pick(key) ? [[key, pick(key)!]] : [])),
        );
        setFieldErrors(next);
        setError(Object.keys(next).length > 0 ? null : result.error);
        return;
      }
      setFieldErrors({});
      // Signed in now, so following the confirmation in this browser lands straight in the team.
      await signIn("password", { redirect: false, email: account.email, password: account.password }).catch(
        () => undefined,
      );
      setSentTo(result.email);
    });
  }

  if (sentTo)
    return (
      <div className="space-y-2" role="status">
        <h2 className="font-semibold">{t.checkInbox}</h2>
        <p className="text-sm text-muted-foreground">{t.checkInboxBody(sentTo)}</p>
      </div>
    );

  const field = (id: Field, label: string, input: ReactNode, hint?: string) => (
    <div className="space-y-1.5">
      <Label htmlFor={`join-${id}`}>{label}</Label>
      {input}
      {hint ? (
        <p id={`join-${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {fieldErrors[id] ? (
        <p id={`join-${id}-error`} className="text-sm text-destructive">
          {fieldErrors[id]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="space-y-4" onSubmit={handleSubmit} method="post" noValidate>
      <p className="text-sm text-muted-foreground">{t.orCreate}</p>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      {field(
        "name",
        t.name,
        <Input id="join-name" name="name" autoComplete="name" maxLength={100} aria-invalid={!!fieldErrors.name} />,
      )}
      {field(
        "email",
        t.email,
        <Input
          id="join-email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          aria-invalid={!!fieldErrors.email}
        />,
      )}
      {field(
        "password",
        t.password,
        <Input
          id="join-password"
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={200}
          aria-describedby="join-password-hint"
          aria-invalid={!!fieldErrors.password}
        />,
        t.passwordHint,
      )}
      <Button type="submit" variant="outline" className="w-full" pending={pending} disabled={!hydrated}>
        {t.createAccount}
      </Button>
    </form>
  );
}
