"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition, type FormEvent } from "react";
import { signUpAndAcceptAction } from "@/app/invite/[token]/_actions/sign-up-and-accept-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";

type Labels = { email: string; name: string; password: string; passwordHint: string; submit: string };

export function SignUpForm({ token, email, labels }: { token: string; email: string; labels: Labels }) {
  // Until hydrated, a native submit would skip our handler; keep the password out of any URL.
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    startTransition(async () => {
      setError(null);
      const result = await signUpAndAcceptAction({ token, name: String(form.get("name") ?? ""), password });
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      const signedIn = await signIn("password", { redirect: false, email: result.email, password });
      window.location.assign(signedIn?.ok ? `/teams/${result.teamSlug}?joined=new` : `/sign-in?callbackUrl=/teams/${result.teamSlug}`);
    });
  }

  return (
    <form onSubmit={handleSubmit} method="post" className="space-y-4" noValidate>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="space-y-2">
        <Label htmlFor="invite-email">{labels.email}</Label>
        <Input id="invite-email" value={email} readOnly aria-readonly className="bg-muted" />
      </div>
      <div className="space-y-2">
        <Label htmlFor="invite-name">{labels.name}</Label>
        <Input id="invite-name" name="name" autoComplete="name" required maxLength={100} aria-invalid={!!fieldErrors.name} />
        {fieldErrors.name ? <p className="text-sm text-destructive">{fieldErrors.name[0]}</p> : null}
      </div>
      <div className="space-y-2">
        <Label htmlFor="invite-password">{labels.password}</Label>
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
        <p id="invite-password-hint" className="text-sm text-muted-foreground">
          {fieldErrors.password?.[0] ?? labels.passwordHint}
        </p>
      </div>
      <Button type="submit" className="w-full" pending={pending} disabled={!hydrated}>
        {labels.submit}
      </Button>
    </form>
  );
}
