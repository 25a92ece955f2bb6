import type { AuditAction } from "@/lib/audit/audit-actions";
import { BUILT_IN_ROLES, type BuiltInRoleKey } from "@/lib/permissions/catalogue";
import { pluralize } from "../pluralize";
import { translateRoleName } from "../translate-role-name";
import { withIndefiniteArticle } from "../with-indefinite-article";

type Answer = "accepted" | "declined";

/** English names the built-in roles as they are stored (lib/permissions/catalogue.ts): no second list. */
const roles = Object.fromEntries(BUILT_IN_ROLES.map((role) => [role.key, role.name])) as Record<BuiltInRoleKey, string>;

/**
 * Everything Teamgate says in English, by section. Its type is the `Catalogue` every other
 * language must fill completely: a missing or misspelt key fails typecheck. User-supplied values
 * reach the email section already defused (lib/email/display-text.ts).
 */
export const en = {
  /** The language's name in itself, for the invitation form's language choice. */
  label: "English",
  /** The one list of the built-in roles' names: the invitation page, the emails and the activity log read it. */
  roles,
  /** The invitation email, its reminder and current-link variants, answer notifications and the password reset email. */
  email: {
    intlLocale: "en-GB",
    /** Fixed text plus the team name: nothing else a sender controls reaches the subject line. */
    subject: (team: string) => `Join ${team} on Teamgate`,
    preview: (team: string) => `Join ${team} on Teamgate`,
    heading: (team: string) => `Join ${team} on Teamgate`,
    intro: (inviter: string, team: string, role: string) =>
      `${inviter} has invited you to join ${team} as ${withIndefiniteArticle(translateRoleName(roles, role))}.`,
    invitedAddress: (email: string) => `This invitation is for ${email}.`,
    expires: (date: string) => `The invitation expires on ${date}.`,
    button: "Accept invitation",
    linkIntro: "Or open this link in your browser:",
    unexpected:
      "If you weren't expecting this invitation, you can ignore this email: nothing happens unless you accept.",
    /** The reminder two days before expiry: its subject, and a first line above the invitation. */
    reminderSubject: (team: string) => `Reminder: your invitation to join ${team} expires soon`,
    reminderLead: (date: string) => `A reminder: this invitation expires on ${date}.`,
    /** "Email me the current link", asked for from a replaced link. */
    currentLinkSubject: (team: string) => `Your current link to join ${team}`,
    currentLinkLead: "You asked for the current link to this invitation. Earlier links no longer work.",
    /** To the inviter (and, per the team's setting, its admins) when an invitee answers. */
    answer: {
      subject: (invitee: string, answer: Answer, team: string) => `${invitee} ${answer} the invitation to ${team}`,
      heading: (answer: Answer): string => (answer === "accepted" ? "Invitation accepted" : "Invitation declined"),
      accepted: (invitee: string, team: string, role: string) =>
        `${invitee} accepted the invitation and joined ${team} as ${withIndefiniteArticle(translateRoleName(roles, role))}.`,
      declined: (invitee: string, team: string) => `${invitee} declined the invitation to join ${team}.`,
      reasonIntro: "Their reason:",
      invitedBy: (inviter: string) => `Invited by ${inviter}.`,
      button: "Open the team's invitations",
      why: (team: string) =>
        `You receive this because you invited this person to ${team}, or manage its members and the team notifies admins of answers.`,
    },
    /** "Forgot password?": the link to set a new password. */
    reset: {
      subject: "Reset your Teamgate password",
      heading: "Reset your password",
      intro: (email: string) =>
        `Someone asked to reset the password of the Teamgate account for ${email}. To choose a new password, use the button below.`,
      expires: (minutes: number) => `The link works once, for ${minutes} minutes.`,
      button: "Choose a new password",
      ignore: "If you didn't ask for this, ignore this email: your password stays as it is.",
    },
  },
  /** The invitation page (/invite/[token]) and its answers; also the proxy's 429. */
  invitePage: {
    invitedYou: (inviter: string, team: string) => `${inviter} invited you to join ${team}`,
    invitedYouNoInviter: (team: string) => `You're invited to join ${team}`,
    role: "Role",
    invitedAddress: "Invited address",
    expires: "Expires",
    accept: "Accept",
    decline: "Decline",
    acceptAndJoin: "Create account and join",
    signInToAccept: "Sign in to accept",
    accountExists: (email: string) => `An account for ${email} exists. Sign in to accept.`,
    createAccount: "Create your account to join. Your email address is confirmed by this link.",
    name: "Your name",
    password: "Password",
    passwordHint: "At least 12 characters.",
    email: "Email",
    wrongAccount: (invited: string, current: string) =>
      `This invitation is for ${invited}; you are signed in as ${current}.`,
    signOutAndContinue: "Sign out and continue",
    alreadyMember: (team: string) => `You're already a member of ${team}.`,
    goToTeam: "Go to the team",
    declineTitle: "Decline this invitation?",
    declineDescription: (team: string) => `${team} will see that you declined. You can add a reason if you like.`,
    declineReason: "Reason (optional)",
    declineConfirm: "Decline invitation",
    cancel: "Cancel",
    declinedTitle: "Invitation declined",
    declinedBody: (team: string) => `You declined the invitation to ${team}. Nothing else will happen.`,
    invalidTitle: "This invitation link is not valid",
    invalidBody:
      "Check that you copied the whole link from the email. If it still doesn't work, ask the person who invited you for a new invitation.",
    expiredTitle: "This invitation has expired",
    expiredBody: (team: string) => `Ask an admin of ${team} to send a new one.`,
    askForNew: "Ask for a new invitation",
    renewalRequested: "We've let the team know. You'll get a new email if they send another invitation.",
    withdrawnTitle: "This invitation was withdrawn",
    withdrawnBody: (team: string) =>
      `${team} withdrew this invitation. If you think that's a mistake, contact the person who invited you.`,
    usedTitle: "This invitation has already been used",
    usedBody: "Sign in to reach the team.",
    usedBodySignedIn: "Open the team to continue.",
    declinedStateTitle: "This invitation was declined",
    declinedStateBody: (team: string) => `Ask an admin of ${team} to invite you again if you changed your mind.`,
    signIn: "Sign in",
    tooManyRequests: "Too many requests. Wait a minute and try again.",
    requestFailed: "That didn't go through. Check your connection, wait a minute and try again.",
    noLongerOpen: "This invitation can no longer be answered.",
    conflict: "This invitation can't be answered right now. Try again in a moment.",
    signInFirst: "Sign in to continue.",
    accountAlreadyExists: "An account for this address already exists. Sign in to accept the invitation.",
    roleNoLongerGrantable: (team: string) =>
      `This invitation can no longer be accepted: the person who sent it can't grant this role anymore. Ask an admin of ${team} to invite you again.`,
    teamFull: (team: string) => `${team} has no free seats. Ask an admin to make room, then accept again.`,
    checkTheForm: "Check the fields below.",
    nameRule: "Enter your name, up to 100 characters.",
    passwordRule: "Use between 12 and 200 characters.",
    reasonRule: "Keep the reason under 500 characters.",
    renewalFailed: "We couldn't send your request. Wait a minute and try again.",
    alreadyMemberDecline: "If you don't need this invitation any more, you can decline it.",
    replacedTitle: (date: string) => `This link was replaced by a newer one sent on ${date}`,
    replacedBody:
      "Open the invitation from the most recent email, or have the current link emailed to the invited address.",
    emailCurrentLink: "Email me the current link",
    currentLinkSent:
      "If this invitation is still open, its current link is on its way to the invited address. Check that inbox.",
    currentLinkFailed: "We couldn't send your request. Wait a minute and try again.",
  },
  /** The "forgot password" and "set a new password" pages. */
  passwordReset: {
    forgotTitle: "Forgot your password?",
    forgotIntro: "Enter the email address of your account. We'll send you a link to choose a new password.",
    email: "Email",
    sendLink: "Send reset link",
    sentTitle: "Check your inbox",
    sent: (minutes: number) =>
      `If an account exists for that address, we sent a link to reset its password. It works once, for ${minutes} minutes.`,
    sendAnother: "Use another address",
    backToSignIn: "Back to sign in",
    tooManyRequests: (minutes: number) =>
      `Too many reset requests. Try again in ${minutes} ${pluralize("en", minutes, { one: "minute", other: "minutes" })}.`,
    unreachable: "The server could not be reached. Check your connection and try again.",
    unexpected: "Something went wrong. Try again in a moment.",
    resetTitle: "Choose a new password",
    resetIntro: (email: string) => `For the account ${email}. Every session of this account will be signed out.`,
    newPassword: "New password",
    confirmPassword: "Repeat the new password",
    passwordHint: "At least 12 characters.",
    passwordRule: "Use between 12 and 200 characters.",
    passwordsDiffer: "The two passwords are different.",
    setPassword: "Set new password",
    invalidTitle: "This link is not valid",
    invalidBody: "Check that you copied the whole link from the email, or ask for a new one.",
    usedTitle: "This link was already used",
    usedBody: "A reset link works once. If you still need to reset your password, ask for a new link.",
    expiredTitle: "This link has expired",
    expiredBody: (minutes: number) => `A reset link works for ${minutes} minutes. Ask for a new one.`,
    askAgain: "Ask for a new link",
  },
  /** The team's General settings page and its activity log. */
  teamSettings: {
    general: {
      navLabel: "General",
      title: "General",
      description: (team: string) =>
        `The name of ${team}, how long its invitations last and how many people it may hold.`,
      name: "Team name",
      nameHint: "Shown to members and in invitation emails.",
      lifetime: "Invitations expire after",
      lifetimeUnit: "days",
      lifetimeHint:
        "Between 1 and 30 days. New invitations and resent ones get this lifetime; invitations already sent keep theirs.",
      seatLimit: "Seat limit",
      seatLimitHint: "Members plus pending invitations. Leave empty for no limit.",
      unlimited: "No limit",
      seatsUsed: (used: number, members: number, pending: number) =>
        `${used} ${pluralize("en", used, { one: "seat", other: "seats" })} in use: ${members} ${pluralize("en", members, { one: "member", other: "members" })}, ${pending} pending ${pluralize("en", pending, { one: "invitation", other: "invitations" })}.`,
      notifications: "Notifications",
      save: "Save changes",
      saved: "Team settings saved",
      nothingChanged: "Nothing to save: the settings are unchanged.",
      errors: {
        nameRequired: "Enter a team name.",
        nameTooLong: "Keep the name under 80 characters.",
        nameInvalid: "The name can't contain line breaks or control characters.",
        lifetimeRange: "Choose between 1 and 30 days.",
        seatLimitRange: "Enter a whole number from 1 to 100,000, or leave it empty for no limit.",
        seatLimitBelowUsed: (used: number) =>
          `${used} ${pluralize("en", used, { one: "seat is", other: "seats are" })} in use (members plus pending invitations): the limit can't be lower. Remove members or withdraw invitations first.`,
        forbidden: "Only the team's owners can change these settings.",
        failed: "The settings were not saved. Try again.",
      },
    },
    activity: {
      navLabel: "Activity",
      title: "Activity",
      description: (team: string) =>
        `Who did what in ${team}: invitations, answers and changes to members and settings.`,
      kind: "Action",
      person: "Person",
      anyone: "Anyone",
      reset: "Reset filters",
      columns: { when: "When", person: "Person", action: "Action", target: "About", details: "Details" },
      newer: "Newer",
      older: "Older",
      newest: "Newest",
      empty: "Nothing has happened in this team yet.",
      emptyFiltered: "No activity matches these filters.",
      shown: (count: number) => `${count} ${pluralize("en", count, { one: "event", other: "events" })} on this page`,
      actors: { link: "Someone with the link", invitee: "The invitee", deleted: "A deleted account" },
      actions: {
        "invitation.created": "Invited",
        "invitation.resent": "Resent the invitation",
        "invitation.link_reset": "Reset the invitation link",
        "invitation.current_link_requested": "Asked for the current link",
        "invitation.reminder_queued": "Reminder sent",
        "invitation.superseded": "Replaced by a new invitation",
        "invitation.updated": "Edited the invitation",
        "invitation.withdrawn": "Withdrew the invitation",
        "invitation.deleted": "Deleted the invitation",
        "invitation.accepted": "Accepted the invitation",
        "invitation.declined": "Declined the invitation",
        "invitation.link_copied": "Copied the invitation link",
        "invitation.renewal_requested": "Asked for a new invitation",
        "invite_link.created": "Created an invite link",
        "invite_link.revoked": "Revoked an invite link",
        "invite_link.copied": "Copied an invite link",
        "member.joined": "Joined the team",
        "member.role_changed": "Changed the role of",
        "member.removed": "Removed from the team",
        "team.domains_changed": "Changed the allowed domains",
        "team.settings_changed": "Changed the team's settings",
        "user.password_reset": "Reset their password",
        "user.password_changed": "Changed their password",
      } satisfies Record<AuditAction, string>,
      details: {
        asRole: (role: string) => `as ${role}`,
        roleChange: (from: string, to: string) => `${from} → ${to}`,
        wasRole: (role: string) => `was ${role}`,
        sendNumber: (n: number) => `send #${n}`,
        reason: (reason: string) => `“${reason}”`,
        anyDomain: "any domain",
        settingNames: {
          name: "name",
          invitationLifetimeDays: "invitation lifetime",
          seatLimit: "seat limit",
        } as Record<string, string>,
      },
    },
  },
  /** Shareable invite links: the admin's page (Settings → Invite links), the public /join page and the confirmation email. */
  inviteLinks: {
    settings: {
      navLabel: "Invite links",
      title: "Invite links",
      description: (team: string) =>
        `Links anyone can use to join ${team}, with a role, an optional email domain, a number of uses and an expiry.`,
      create: "Create link",
      createTitle: "Create an invite link",
      createDescription:
        "Share it in a chat or an email. Whoever opens it can join until it is revoked, expires or is used up.",
      role: "Role",
      domain: "Allowed email domain",
      domainHint: "Optional, e.g. example.com. Leave empty to admit any address.",
      maxUses: "Maximum uses",
      expiresIn: "Expires after",
      days: (count: number) => `${count} ${pluralize("en", count, { one: "day", other: "days" })}`,
      cancel: "Cancel",
      created: "Invite link created and copied",
      createdCopyFailed: "Invite link created. Copy it from the table.",
      copy: "Copy link",
      copied: "Link copied",
      revoke: "Revoke",
      revokeTitle: "Revoke this invite link?",
      revokeDescription: (uses: number) =>
        `It stops working at once. The ${uses} ${pluralize("en", uses, { one: "person", other: "people" })} who joined through it stay members.`,
      revoked: "Invite link revoked",
      details: "Who joined",
      columns: {
        role: "Role",
        domain: "Domain",
        uses: "Uses",
        expires: "Expires",
        createdBy: "Created by",
        status: "Status",
        actions: "Actions",
      },
      anyDomain: "Any",
      uses: (uses: number, max: number) => `${uses} / ${max}`,
      deletedAccount: "A deleted account",
      status: { ACTIVE: "Active", REVOKED: "Revoked", EXPIRED: "Expired", USED_UP: "Used up" },
      empty: "No invite links yet.",
      noneJoined: "Nobody has joined through this link yet.",
      joinedCount: (count: number) =>
        `${count} ${pluralize("en", count, { one: "person", other: "people" })} joined through this link`,
      joinedColumns: { name: "Name", email: "Email", joinedAt: "Joined" },
      back: "All invite links",
      noGrantableRole: "Your role can't grant any role, so you can't create links.",
    },
    join: {
      title: (team: string) => `Join ${team} on Teamgate`,
      createdBy: (name: string) => `Link shared by ${name}`,
      role: "Role",
      domain: "For addresses at",
      expires: "Expires",
      join: "Join the team",
      signIn: "Sign in to join",
      orCreate: "New to Teamgate? Create an account to join.",
      createAccount: "Create account",
      name: "Your name",
      email: "Email",
      password: "Password",
      passwordHint: "At least 12 characters.",
      checkInbox: "Check your inbox",
      checkInboxBody: (email: string) =>
        `We sent a confirmation link to ${email}. Follow it to confirm your address and join the team.`,
      unverified: "Confirm your email address first: follow the link we emailed you when you signed up.",
      resendConfirmation: "Email me a new confirmation link",
      confirmationSent: (email: string) => `A new confirmation link is on its way to ${email}.`,
      alreadyMember: (team: string) => `You're already a member of ${team}.`,
      goToTeam: "Go to the team",
      invalidTitle: "This invite link is not valid",
      invalidBody: "Check that you copied the whole link, or ask for a new one.",
      revokedTitle: "This invite link was revoked",
      expiredTitle: "This invite link has expired",
      usedUpTitle: "This invite link has been used up",
      deadBody: (team: string) => `Ask an admin of ${team} for a new link.`,
      wrongDomain: (domain: string) => `This link is only for addresses at ${domain}.`,
      requestFailed: "That didn't go through. Check your connection and try again.",
      confirmTitle: "Confirm your email address",
      confirmBody: "Confirm your address to finish creating your account and join the team.",
      confirm: "Confirm and join",
      confirmInvalid: "This confirmation link is not valid, was already used, or has expired.",
      confirmedJoined: (team: string) => `Your address is confirmed and you joined ${team}. Sign in to continue.`,
      confirmedNotJoined: (reason: string) => `Your address is confirmed, but you could not join: ${reason}`,
    },
    email: {
      subject: "Confirm your email address for Teamgate",
      heading: "Confirm your email address",
      intro: (email: string) =>
        `An account for ${email} was created on Teamgate through an invite link. Confirm the address to join the team.`,
      expires: (hours: number) =>
        `The link works once, for ${hours} ${pluralize("en", hours, { one: "hour", other: "hours" })}.`,
      button: "Confirm and join",
      ignore: "If you didn't sign up, ignore this email: the account stays unconfirmed and joins nothing.",
    },
  },
};

export type Catalogue = typeof en;
