"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { changePasswordAction } from "@/actions/account/change-password-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";

type FieldErrors = { currentPassword?: string; newPassword?: string; confirm?: string };

/** Current password, then the new one twice. This browser stays signed in; the others are signed out. */
export function ChangePasswordForm() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    setDone(null);
    if (newPassword !== String(form.get("confirm") ?? "")) {
      setFieldErrors({ confirm: "The two new passwords are different." });
      return;
    }
    startTransition(async () => {
      setError(null);
      setFieldErrors({});
      const result = await changePasswordAction({ currentPassword, newPassword }).catch(() => null);
      if (!result) return setError("The server could not be reached. Check your connection and try again.");
      if (result.ok) {
        formElement.reset();
        setDone(result.sessionsEnded);
        return;
      }
      if (result.code === "UNAUTHENTICATED") {
        router.push("/sign-in?callbackUrl=/account/password");
        return;
      }
      const fields = result.fieldErrors ?? {};
      if (fields.currentPassword || fields.newPassword) {
        setFieldErrors({ currentPassword: fields.currentPassword?.[0], newPassword: fields.newPassword?.[0] });
        return;
      }
      setError(result.error);
    });
  }

  return (
    <Card className="max-w-md p-5">
      <form onSubmit={handleSubmit} method="post" className="space-y-4" noValidate>
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        {done !== null ? (
          <Alert variant="success">
            Password changed.{" "}
            {done === 0
              ? "No other session was open."
              : `${done} other session${done === 1 ? " was" : "s were"} signed out; this browser stays signed in.`}
          </Alert>
        ) : null}
        <PasswordField
          id="currentPassword"
          label="Current password"
          autoComplete="current-password"
          error={fieldErrors.currentPassword}
        />
        <PasswordField
          id="newPassword"
          label="New password"
          autoComplete="new-password"
          error={fieldErrors.newPassword}
          hint="At least 12 characters."
        />
        <PasswordField
          id="confirm"
          label="Repeat the new password"
          autoComplete="new-password"
          error={fieldErrors.confirm}
        />
        <Button type="submit" pending={pending} disabled={!hydrated}>
          Change password
        </Button>
      </form>
    </Card>
  );
}

function PasswordField({
  id,
  label,
  autoComplete,
  error,
  hint,
}: {
  id: string;
  label: string;
  autoComplete: string;
  error?: string;
  hint?: string;
}) {
  const described = error || hint ? `${id}-note` : undefined;
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={id}
        type="password"
        autoComplete={autoComplete}
        required
        aria-invalid={!!error}
        aria-describedby={described}
      />
      {error || hint ? (
        <p id={described} className={error ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
          {error ?? hint}
        </p>
      ) : null}
    </div>
  );
}
