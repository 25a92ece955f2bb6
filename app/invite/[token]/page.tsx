import type { Metadata } from "next";
import Link from "next/link";
import { AcceptButton } from "@/components/invite/accept-button";
import { InvitationMessage, InvitationShell } from "@/components/invite/invitation-shell";
import { EmailCurrentLinkButton } from "@/components/invite/email-current-link-button";
import { InviteDeclineDialog } from "@/components/invite/invite-decline-dialog";
import { RequestRenewalButton } from "@/components/invite/request-renewal-button";
import { SignOutAndContinue } from "@/components/invite/sign-out-and-continue";
import { SignUpForm } from "@/components/invite/sign-up-form";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { toDisplayText } from "@/lib/email/display-text";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { roleLabel } from "@/lib/i18n/role-label";
import { findInvitationByToken } from "@/lib/invitations/find-invitation-by-token";
import { MAX_INVITATION_MESSAGE_LENGTH } from "@/lib/invitations/schemas";
import { isTeamMember } from "@/lib/teams/is-team-member";

export const metadata: Metadata = {
  title: "Invitation",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function InvitePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { declined, signedIn } = await searchParams;
  const [view, user] = await Promise.all([findInvitationByToken(token), getCurrentUser()]);

  if (view.state === "invalid") {
    const t = getCatalogue("en").invitePage;
    return (
      <InvitationShell lang="en">
        <InvitationMessage title={t.invalidTitle} body={t.invalidBody} />
      </InvitationShell>
    );
  }

  const t = getCatalogue(view.language).invitePage;
  const team = toDisplayText(view.team.name, 80, { breakLinks: false });

  if (view.state === "DECLINED") {
    return (
      <InvitationShell lang={view.language}>
        {declined === "1" ? (
          <InvitationMessage title={t.declinedTitle} body={t.declinedBody(team)} />
        ) : (
          <InvitationMessage title={t.declinedStateTitle} body={t.declinedStateBody(team)} />
        )}
      </InvitationShell>
    );
  }
  if (view.state === "EXPIRED") {
    return (
      <InvitationShell lang={view.language}>
        <InvitationMessage title={t.expiredTitle} body={t.expiredBody(team)}>
          <RequestRenewalButton
            token={token}
            language={view.language}
            team={team}
            alreadyRequested={view.renewalRequested}
          />
        </InvitationMessage>
      </InvitationShell>
    );
  }
  if (view.state === "WITHDRAWN") {
    return (
      <InvitationShell lang={view.language}>
        <InvitationMessage title={t.withdrawnTitle} body={t.withdrawnBody(team)} />
      </InvitationShell>
    );
  }
  if (view.state === "ACCEPTED") {
    return (
      <InvitationShell lang={view.language}>
        <InvitationMessage title={t.usedTitle} body={user ? t.usedBodySignedIn : t.usedBody}>
          <Button asChild variant="outline" className="w-full">
            <Link href={`/teams/${view.team.slug}`}>{t.goToTeam}</Link>
          </Button>
        </InvitationMessage>
      </InvitationShell>
    );
  }

  if (view.replacedAt) {
    // Still open, under a newer link: say when it was replaced, and offer the current one by email.
    return (
      <InvitationShell lang={view.language}>
        <InvitationMessage title={t.replacedTitle(formatUtc(view.replacedAt, view.language))} body={t.replacedBody}>
          <EmailCurrentLinkButton token={token} language={view.language} team={team} />
        </InvitationMessage>
      </InvitationShell>
    );
  }

  const signedInAsInvitee = user?.emailCanonical === view.emailCanonical;
  const alreadyMember = signedInAsInvitee && (await isTeamMember(user.id, view.team.slug));
  const decline = <InviteDeclineDialog token={token} language={view.language} team={team} />;

  return (
    <InvitationShell lang={view.language}>
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">
          {view.inviter
            ? t.invitedYou(toDisplayText(view.inviter.name, 80, { breakLinks: false }), team)
            : t.invitedYouNoInviter(team)}
        </h1>
        {view.message ? (
          <figure className="rounded-md border-l-4 border-border bg-muted/50 px-3 py-2 text-sm">
            <figcaption className="text-muted-foreground">
              {getCatalogue(view.language).invitationMessage.pageLabel(
                view.inviter ? toDisplayText(view.inviter.name, 80, { breakLinks: false }) : team,
              )}
            </figcaption>
            <blockquote className="mt-1 break-words" data-testid="invitation-message">
              {toDisplayText(view.message, MAX_INVITATION_MESSAGE_LENGTH, { breakLinks: false })}
            </blockquote>
          </figure>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">{t.role}</dt>
          <dd className="font-medium">{roleLabel(getCatalogue(view.language), view.role)}</dd>
          <dt className="text-muted-foreground">{t.invitedAddress}</dt>
          <dd className="break-all font-medium">{view.email}</dd>
          <dt className="text-muted-foreground">{t.expires}</dt>
          <dd>
            <time dateTime={view.expiresAt.toISOString()}>{formatUtc(view.expiresAt, view.language)}</time>
          </dd>
        </dl>
      </div>

      {user && !signedInAsInvitee ? (
        <div className="space-y-3">
          <p role="alert" className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
            {t.wrongAccount(view.email, user.email)}
          </p>
          <SignOutAndContinue token={token} label={t.signOutAndContinue} />
        </div>
      ) : alreadyMember ? (
        <div className="space-y-3">
          <p className="text-sm">{t.alreadyMember(team)}</p>
          <Button asChild className="w-full">
            <Link href={`/teams/${view.team.slug}`}>{t.goToTeam}</Link>
          </Button>
          <p className="text-sm text-muted-foreground">{t.alreadyMemberDecline}</p>
          {decline}
        </div>
      ) : signedInAsInvitee ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <AcceptButton token={token} language={view.language} team={team} autoFocus={signedIn === "1"} />
          {decline}
        </div>
      ) : view.accountExists ? (
        <div className="space-y-3">
          <p className="text-sm text-muted-foreground">{t.accountExists(view.email)}</p>
          {/* A plain link: prefetching it would set the return cookie. */}
          <Button asChild className="w-full">
            <a href={`/invite/${encodeURIComponent(token)}/sign-in`}>{t.signInToAccept}</a>
          </Button>
          {decline}
        </div>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-muted-foreground">{t.createAccount}</p>
          <SignUpForm token={token} email={view.email} language={view.language} team={team} />
          {decline}
        </div>
      )}
    </InvitationShell>
  );
}

/** The invitee's page renders on the server in the invitation's language; times are said in UTC. */
function formatUtc(date: Date, language: string): string {
  return `${new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}
