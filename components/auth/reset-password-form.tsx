"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { resetPasswordAction } from "@/actions/auth/reset-password-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { getCatalogue } from "@/lib/i18n/catalogues";

/** The new password, twice; on success the person signs in with it (every session of the account has ended). */
export function ResetPasswordForm({ token, language }: { token: string; language: string }) {
  const t = getCatalogue(language).passwordReset;
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ password?: string; confirm?: string }>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setFieldErrors({ confirm: t.passwordsDiffer });
      return;
    }
    startTransition(async () => {
      setError(null);
      setFieldErrors({});
      const result = await resetPasswordAction({ token, password }).catch(() => null);
      if (!result) return setError(t.unreachable);
      if (result.ok) {
        router.push(`/sign-in?reset=done&email=${encodeURIComponent(result.email)}`);
        return;
      }
      if (result.code === "INVALID") return setFieldErrors({ password: t.passwordRule });
      if (result.code === "RATE_LIMITED")
        return setError(t.tooManyRequests(Math.ceil((result.retryAfterSeconds ?? 60) / 60)));
      // The link died meanwhile (used in another tab, expired): the page says which.
      if (result.code === "GONE" || result.code === "NOT_FOUND") return router.refresh();
      setError(t.unexpected);
    });
  }

  return (
    <form onSubmit={handleSubmit} method="post" className="space-y-4" noValidate>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="space-y-2">
        <Label htmlFor="reset-password">{t.newPassword}</Label>
        <Input
          id="reset-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          autoFocus
          aria-describedby="reset-password-hint"
          aria-invalid={!!fieldErrors.password}
        />
        <p
          id="reset-password-hint"
          className={fieldErrors.password ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
        >
          {fieldErrors.password ?? t.passwordHint}
        </p>
      </div>
      <div className="space-y-2">
        <Label htmlFor="reset-confirm">{t.confirmPassword}</Label>
        <Input
          id="reset-confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!fieldErrors.confirm}
          aria-describedby={fieldErrors.confirm ? "reset-confirm-error" : undefined}
        />
        {fieldErrors.confirm ? (
          <p id="reset-confirm-error" className="text-sm text-destructive">
            {fieldErrors.confirm}
          </p>
        ) : null}
      </div>
      <Button type="submit" className="w-full" pending={pending} disabled={!hydrated}>
        {t.setPassword}
      </Button>
    </form>
  );
}
