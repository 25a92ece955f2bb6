import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <ShieldAlert aria-hidden className="size-10 text-muted-foreground" />
      <h1 className="text-2xl font-semibold">You don&apos;t have access</h1>
      <p className="text-muted-foreground">
        Your role in this team does not include the permission this page needs. Ask a team owner or admin if you think
        you should have it.
      </p>
      <Button asChild variant="outline">
        <Link href="/">Back to your teams</Link>
      </Button>
    </main>
  );
}
