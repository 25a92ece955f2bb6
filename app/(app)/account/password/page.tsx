import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage() {
  await requireCurrentUser("/account/password");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Password"
        description="Change the password you sign in with. Every other browser signed in to your account is signed out; this one stays signed in."
      />
      <ChangePasswordForm />
      <p className="text-sm text-muted-foreground">
        Forgot your current password?{" "}
        <Link href="/forgot-password" className="underline underline-offset-4">
          Reset it by email
        </Link>
        .
      </p>
    </div>
  );
}
