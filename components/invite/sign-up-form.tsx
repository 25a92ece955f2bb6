"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { signUpAndAcceptAction } from "@/actions/invitee/sign-up-and-accept-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { describeFieldErrors, describeInviteFailure } from "@/lib/i18n/describe-invite-failure";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { callInviteAction } from "./call-invite-action";

type Props = { token: string; email: string; language: string; team: string };

export function SignUpForm({ token, email, language, team }: Props) {
  const router = useRouter();
  const t = getCatalogue(language).invitePage;
  // Until hydrated, a native submit would skip our handler; keep the password out of any URL.
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    startTransition(async () => {
      setError(null);
      const result = await callInviteAction(() =>
        signUpAndAcceptAction({ token, name: String(form.get("name") ?? ""), password }),
      );
      if (!result.ok) {
        const fields = describeFieldErrors(t, result.fieldErrors);
        setFieldErrors(fields);
        setError(
          Object.keys(fields).length > 0
            ? null
            : result.code === "CONFLICT"
              ? t.accountAlreadyExists
              : describeInviteFailure(t, result, team),
        );
        // The invitation died, or an account appeared: the page now shows what to do.
        if (result.code === "GONE" || result.code === "NOT_FOUND" || result.code === "CONFLICT") router.refresh();
        return;
      }
      setFieldErrors({});
      const signedIn = await signIn("password", { redirect: false, email: result.email, password }).catch(
        () => undefined,
      );
      window.location.assign(
        signedIn?.ok ? `/teams/${result.teamSlug}?joined=new` : `/sign-in?callbackUrl=/teams/${result.teamSlug}`,
      );
    });
  }

  return (
    <form onSubmit={handleSubmit} method="post" className="space-y-4" noValidate>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="space-y-2">
        <Label htmlFor="invite-email">{t.email}</Label>
        <Input id="invite-email" value={email} readOnly aria-readonly className="bg-muted" />
      </div>
      <div className="space-y-2">
        <Label htmlFor="invite-name">{t.name}</Label>
        <Input
          id="invite-name"
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          aria-invalid={!!fieldErrors.name}
          aria-describedby={fieldErrors.name ? "invite-name-error" : undefined}
        />
        {fieldErrors.name ? (
          <p id="invite-name-error" className="text-sm text-destructive">
            {fieldErrors.name}
          </p>
        ) : null}
      </div>
      <div className="space-y-2">
        <Label htmlFor="invite-password">{t.password}</Label>
        <Input
          id="invite-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-describedby="invite-password-hint"
          aria-invalid={!!fieldErrors.password}
        />
        <p
          id="invite-password-hint"
          className={fieldErrors.password ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
        >
          {fieldErrors.password ?? t.passwordHint}
        </p>
      </div>
      <Button type="submit" className="w-full" pending={pending} disabled={!hydrated}>
        {t.acceptAndJoin}
      </Button>
    </form>
  );
}
