import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { toSafeRedirectPath } from "@/lib/auth/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = toSafeRedirectPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : "";
  if (await getCurrentUser()) redirect(callbackUrl);

  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-sm font-semibold tracking-tight text-muted-foreground">Teamgate</p>
          <h1 className="text-2xl font-semibold">Sign in</h1>
          <p className="text-sm text-muted-foreground">Use your email address and password.</p>
        </div>
        <SignInForm callbackUrl={callbackUrl} email={email} emailLocked={params.locked === "1" && email !== ""} />
      </div>
    </main>
  );
}
