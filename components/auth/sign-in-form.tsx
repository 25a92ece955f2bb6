"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account.",
  TooManyAttempts:
    "Too many failed attempts. Wait 15 minutes, or sign in from a browser you have used with this account before.",
};

export function SignInForm({
  callbackUrl,
  email,
  emailLocked,
}: {
  callbackUrl: string;
  email: string;
  emailLocked: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  // Until hydrated, a native submit would skip our handler; keep the password out of any URL.
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("password", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(MESSAGES[result?.error ?? ""] ?? "Sign-in failed. Try again.");
  }

  return (
    <form onSubmit={handleSubmit} method="post" className="space-y-4" noValidate>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="space-y-2">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={email}
          readOnly={emailLocked}
          aria-readonly={emailLocked || undefined}
          autoFocus={!emailLocked}
        />
      </div>
      <div className="space-y-2">
        <div className="flex items-baseline justify-between gap-2">
          <Label htmlFor="password">Password</Label>
          <Link
            href="/forgot-password"
            className="text-sm text-muted-foreground underline underline-offset-4 hover:text-foreground"
          >
            Forgot password?
          </Link>
        </div>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus={emailLocked}
        />
      </div>
      <Button type="submit" className="w-full" pending={pending} disabled={!hydrated}>
        Sign in
      </Button>
    </form>
  );
}
