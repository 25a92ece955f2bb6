"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { requestPasswordResetAction } from "@/actions/auth/request-password-reset-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { PASSWORD_RESET_POLICY } from "@/lib/auth/password-reset-policy";
import { getCatalogue } from "@/lib/i18n/catalogues";

/** Asks for the address, then says the same thing whatever the address was. */
export function ForgotPasswordForm({ language, email }: { language: string; email: string }) {
  const t = getCatalogue(language).passwordReset;
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = String(new FormData(event.currentTarget).get("email") ?? "");
    startTransition(async () => {
      setError(null);
      setFieldError(null);
      const result = await requestPasswordResetAction({ email: address }).catch(() => null);
      if (!result) return setError(t.unreachable);
      if (result.ok) return setSent(true);
      if (result.code === "INVALID") return setFieldError(result.fieldErrors?.email?.[0] ?? result.error);
      if (result.code === "RATE_LIMITED")
        return setError(t.tooManyRequests(Math.ceil((result.retryAfterSeconds ?? 60) / 60)));
      setError(t.unexpected);
    });
  }

  if (sent) {
    return (
      <div className="space-y-4">
        <Alert variant="success">{t.sent(PASSWORD_RESET_POLICY.lifetimeMinutes)}</Alert>
        <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          <Link href="/sign-in" className="underline underline-offset-4">
            {t.backToSignIn}
          </Link>
          <button type="button" className="underline underline-offset-4" onClick={() => setSent(false)}>
            {t.sendAnother}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={handleSubmit} method="post" className="space-y-4" noValidate>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="space-y-2">
        <Label htmlFor="reset-email">{t.email}</Label>
        <Input
          id="reset-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          defaultValue={email}
          maxLength={254}
          aria-invalid={!!fieldError}
          aria-describedby={fieldError ? "reset-email-error" : undefined}
        />
        {fieldError ? (
          <p id="reset-email-error" className="text-sm text-destructive">
            {fieldError}
          </p>
        ) : null}
      </div>
      <Button type="submit" className="w-full" pending={pending} disabled={!hydrated}>
        {t.sendLink}
      </Button>
      <p className="text-center text-sm">
        <Link href="/sign-in" className="underline underline-offset-4">
          {t.backToSignIn}
        </Link>
      </p>
    </form>
  );
}
