"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">
        The error has been logged{error.digest ? ` (reference ${error.digest})` : ""}. Try again; if it keeps happening,
        contact support.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
