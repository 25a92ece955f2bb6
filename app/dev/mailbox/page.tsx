import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Inbox } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listMailboxMessages } from "@/lib/email/read-mailbox";

// Read at request time: the mailbox exists only where the running server enables it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Local mailbox", robots: { index: false } };

export default async function MailboxPage() {
  const messages = await listMailboxMessages();
  if (!messages) notFound();
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-4 sm:p-8">
      <PageHeader
        title="Local mailbox"
        description="Emails Teamgate would have sent. Set RESEND_API_KEY to send real email."
      />
      {messages.length === 0 ? (
        <EmptyState
          icon={<Inbox aria-hidden className="size-8" />}
          title="No emails yet"
          description="Invite someone and the email lands here."
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">To</TableHead>
              <TableHead scope="col">Subject</TableHead>
              <TableHead scope="col">Received</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {messages.map((message) => (
              <TableRow key={message.id}>
                <TableCell className="break-all">{message.to}</TableCell>
                <TableCell>
                  <Link href={`/dev/mailbox/${message.id}`} className="font-medium underline-offset-4 hover:underline">
                    {message.subject}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <LocalTime value={message.createdAt} style="dateTime" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </main>
  );
}
