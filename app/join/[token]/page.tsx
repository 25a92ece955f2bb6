import type { Metadata } from "next";
import Link from "next/link";
import { InvitationMessage, InvitationShell } from "@/components/invite/invitation-shell";
import { JoinButton } from "@/components/join/join-button";
import { JoinSignUpForm } from "@/components/join/join-sign-up-form";
import { ResendConfirmationButton } from "@/components/join/resend-confirmation-button";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { toDisplayText } from "@/lib/email/display-text";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { roleLabel } from "@/lib/i18n/role-label";
import { findInviteLinkByToken } from "@/lib/invite-links/find-invite-link-by-token";
import { readLinkJoiner } from "@/lib/invite-links/read-link-joiner";

export const metadata: Metadata = {
  title: "Join a team",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const formatDate = (date: Date, language: string) =>
  new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date) + " UTC";

/** A shareable invite link. A GET only reads (chat previews open links); joining is a POST. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [view, user, language] = await Promise.all([
    findInviteLinkByToken(token),
    getCurrentUser(),
    readRequestLanguage(),
  ]);
  const catalogue = getCatalogue(language);
  const t = catalogue.inviteLinks.join;

  if (view.state === "invalid")
    return (
      <InvitationShell lang={language}>
        <InvitationMessage title={t.invalidTitle} body={t.invalidBody} />
      </InvitationShell>
    );

  const team = toDisplayText(view.team.name, 80, { breakLinks: false });
  if (view.state !== "ACTIVE") {
    const title = { REVOKED: t.revokedTitle, EXPIRED: t.expiredTitle, USED_UP: t.usedUpTitle }[view.state];
    return (
      <InvitationShell lang={language}>
        <InvitationMessage title={title} body={t.deadBody(team)} />
      </InvitationShell>
    );
  }

  const joiner = user ? await readLinkJoiner(user.id, view.team, view.allowedDomain) : null;
  return (
    <InvitationShell lang={language}>
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t.title(team)}</h1>
        {view.creator ? (
          <p className="text-sm text-muted-foreground">
            {t.createdBy(toDisplayText(view.creator.name, 80, { breakLinks: false }))}
          </p>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">{t.role}</dt>
          <dd className="font-medium">{roleLabel(catalogue, view.role)}</dd>
          {view.allowedDomain ? (
            <>
              <dt className="text-muted-foreground">{t.domain}</dt>
              <dd className="break-all font-medium">@{view.allowedDomain}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">{t.expires}</dt>
          <dd>
            <time dateTime={view.expiresAt.toISOString()}>{formatDate(view.expiresAt, language)}</time>
          </dd>
        </dl>
      </div>

      {joiner?.alreadyMember ? (
        <div className="space-y-3">
          <p className="text-sm">{t.alreadyMember(team)}</p>
          <Button asChild className="w-full">
            <Link href={`/teams/${view.team.slug}`}>{t.goToTeam}</Link>
          </Button>
        </div>
      ) : joiner && !joiner.fitsDomain ? (
        <p role="alert" className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
          {t.wrongDomain(view.allowedDomain ?? "")}
        </p>
      ) : joiner && !joiner.verified ? (
        <div className="space-y-3">
          <p role="status" className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
            {t.unverified}
          </p>
          <ResendConfirmationButton token={token} language={language} />
        </div>
      ) : joiner ? (
        <JoinButton token={token} language={language} />
      ) : (
        <div className="space-y-6">
          {/* A plain link: prefetching it would set the return cookie. */}
          <Button asChild className="w-full">
            <a href={`/join/${encodeURIComponent(token)}/sign-in`}>{t.signIn}</a>
          </Button>
          <JoinSignUpForm token={token} language={language} />
        </div>
      )}
    </InvitationShell>
  );
}
