import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { getMailboxMessage } from "@/lib/email/read-mailbox";

// Read at request time: the mailbox exists only where the running server enables it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Email", robots: { index: false } };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const message = await getMailboxMessage(id);
  if (!message) notFound();
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-4 sm:p-8">
      <Link href="/dev/mailbox" className="text-sm text-muted-foreground hover:underline">
        ← Local mailbox
      </Link>
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{message.subject}</h1>
        <p className="text-sm text-muted-foreground">
          From {message.from} to {message.to} · <LocalTime value={message.createdAt} style="dateTime" />
        </p>
      </div>
      {/* The email's own HTML, isolated: no scripts, links open on the user's click. */}
      <iframe
        title={`Email: ${message.subject}`}
        srcDoc={message.html}
        sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
        className="h-[36rem] w-full rounded-lg border bg-white"
      />
      <details className="rounded-lg border p-3">
        <summary className="cursor-pointer text-sm font-medium">Plain-text version</summary>
        <pre className="mt-3 whitespace-pre-wrap text-sm">{message.text}</pre>
      </details>
    </main>
  );
}
