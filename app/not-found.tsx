import Link from "next/link";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";

export default async function NotFound() {
  // Rendered per request, so its scripts carry the request's CSP nonce (proxy.ts).
  await connection();
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted-foreground">It may have moved, or you may not have access to it.</p>
      <Button asChild variant="outline">
        <Link href="/">Go home</Link>
      </Button>
    </main>
  );
}
