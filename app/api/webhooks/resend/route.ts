import { handleResendWebhook } from "@/lib/email/handle-resend-webhook";

export async function POST(request: Request) {
  const outcome = await handleResendWebhook(request);
  return new Response(outcome.body, {
    status: outcome.status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
