import type { ReactNode } from "react";

/** The invitee's pages: one centered card, no navigation, nothing loaded from elsewhere. */
export function InvitationShell({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <main lang={lang} className="flex min-h-dvh items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-md space-y-6 rounded-xl border bg-card p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold tracking-tight text-muted-foreground">Teamgate</p>
        {children}
      </div>
    </main>
  );
}

export function InvitationMessage({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-muted-foreground">{body}</p>
      {children}
    </div>
  );
}
