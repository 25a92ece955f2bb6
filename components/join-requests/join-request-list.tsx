"use client";

import { useTransition } from "react";
import { Inbox, Lightbulb, UserPlus } from "lucide-react";
import { toast } from "sonner";
import { approveJoinRequestAction } from "@/actions/join-requests/approve-join-request-action";
import { rejectJoinRequestAction } from "@/actions/join-requests/reject-join-request-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DeclineDialog } from "@/components/ui/decline-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { JoinRequestDto } from "@/lib/join-requests/join-request-dto";

export function JoinRequestList({
  teamSlug,
  language,
  requests,
}: {
  teamSlug: string;
  language: string;
  requests: JoinRequestDto[];
}) {
  const t = getCatalogue(language).joinRequests.page;
  if (requests.length === 0) return <EmptyState icon={<Inbox aria-hidden className="size-8" />} title={t.empty} />;
  return (
    <ul className="space-y-3" aria-label={t.title}>
      {requests.map((request) => (
        <JoinRequestItem key={request.id} teamSlug={teamSlug} language={language} request={request} />
      ))}
    </ul>
  );
}

function JoinRequestItem({
  teamSlug,
  language,
  request,
}: {
  teamSlug: string;
  language: string;
  request: JoinRequestDto;
}) {
  const t = getCatalogue(language).joinRequests.page;
  const [pending, startTransition] = useTransition();
  const suggestion = request.kind === "SUGGESTION";
  return (
    <li>
      <Card className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between" data-testid="join-request">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="break-all font-medium">{request.email}</span>
            <Badge variant={suggestion ? "secondary" : "outline"}>
              {suggestion ? <Lightbulb aria-hidden /> : <UserPlus aria-hidden />}
              {suggestion ? t.suggestion : t.ask}
            </Badge>
          </div>
          <p className="text-sm text-muted-foreground">
            {suggestion ? t.suggestedBy(request.requester?.name ?? t.deletedAccount) : t.askedBy} ·{" "}
            <span className="sr-only">{t.received} </span>
            <LocalTime value={request.createdAt} style="dateTime" />
          </p>
          {request.note ? (
            <p className="whitespace-pre-wrap break-words border-l-2 border-border pl-3 text-sm">{request.note}</p>
          ) : null}
        </div>
        <div className="flex shrink-0 gap-2">
          <Button
            size="sm"
            pending={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await approveJoinRequestAction({ teamSlug, requestId: request.id });
                if (!result.ok) toast.error(result.error);
                else
                  toast.success(
                    result.outcome === "invited" ? t.approvedInvited(result.email) : t.approvedJoined(result.email),
                  );
              })
            }
          >
            {t.approve}
          </Button>
          <DeclineDialog
            trigger={
              <Button size="sm" variant="outline" disabled={pending}>
                {t.reject}
              </Button>
            }
            labels={{
              title: t.rejectTitle(request.email),
              description: t.rejectDescription,
              reason: t.reason,
              confirm: t.confirmReject,
              cancel: t.cancel,
            }}
            onDecline={async (reason) => {
              const result = await rejectJoinRequestAction({ teamSlug, requestId: request.id, rejection: { reason } });
              if (!result.ok) return result.error;
              toast.success(t.rejected(request.email));
              return null;
            }}
          />
        </div>
      </Card>
    </li>
  );
}
