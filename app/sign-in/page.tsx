import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { readSignInInvitation } from "@/app/invite/_lib/sign-in-invitation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { toSafeRedirectPath } from "@/lib/auth/safe-redirect";
import { withIndefiniteArticle } from "@/lib/i18n/with-indefinite-article";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = toSafeRedirectPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : "";
  if (await getCurrentUser()) redirect(callbackUrl);
  const invitation = await readSignInInvitation();

  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-sm font-semibold tracking-tight text-muted-foreground">Teamgate</p>
          <h1 className="text-2xl font-semibold">Sign in</h1>
          <p className="text-sm text-muted-foreground">Use your email address and password.</p>
        </div>
        {params.reset === "done" ? (
          <Alert variant="success">
            Your password was changed and every session of your account was signed out. Sign in with your new password.
          </Alert>
        ) : null}
        {invitation ? (
          <div role="note" aria-label="Invitation" className="rounded-lg border bg-muted/40 p-3 text-sm">
            <p>
              {invitation.inviterName ? `${invitation.inviterName} invited you` : "You're invited"} to join{" "}
              <span className="font-semibold break-words">{invitation.teamName}</span> as{" "}
              {withIndefiniteArticle(invitation.roleName)}.
            </p>
            <p className="text-muted-foreground">
              Sign in as {invitation.email} and you’ll be taken back to accept it.
            </p>
          </div>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} email={email} emailLocked={params.locked === "1" && email !== ""} />
      </div>
    </main>
  );
}
