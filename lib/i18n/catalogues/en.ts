import type { AuditAction } from "@/lib/audit/audit-actions";
import type { WebhookEventType } from "@/lib/webhooks/webhook-events";
import { BUILT_IN_ROLES, type BuiltInRoleKey } from "@/lib/permissions/catalogue";
import { pluralize } from "../pluralize";
import { translateRoleName } from "../translate-role-name";
import { withIndefiniteArticle } from "../with-indefinite-article";

type Answer = "accepted" | "declined";
type JoinRequestKind = "SUGGESTION" | "ASK";

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
  /** Join requests: suggestions to invite, asks to join, the admins' queue, the setting and the requester's email. */
  joinRequests: {
    email: {
      subject: (kind: JoinRequestKind, approved: boolean, team: string) =>
        kind === "SUGGESTION"
          ? `Your suggestion for ${team} was ${approved ? "approved" : "declined"}`
          : `Your request to join ${team} was ${approved ? "approved" : "declined"}`,
      heading: (approved: boolean): string => (approved ? "Request approved" : "Request declined"),
      suggestionApproved: (invitee: string, team: string) =>
        `Your suggestion was approved: ${invitee} has been invited to join ${team}.`,
      suggestionRejected: (invitee: string, team: string) =>
        `Your suggestion to invite ${invitee} to ${team} was declined.`,
      askApproved: (team: string) => `Your request was approved: you are now a member of ${team}.`,
      askRejected: (team: string) => `Your request to join ${team} was declined.`,
      reasonIntro: "The admin's reason:",
      openTeam: "Open the team",
      openApp: "Open Teamgate",
      why: (team: string) => `You receive this because you suggested someone for ${team}, or asked to join it.`,
    },
    navLabel: "Requests",
    page: {
      title: "Requests",
      description: (team: string) =>
        `People members suggested inviting to ${team}, and people on its domains who asked to join.`,
      count: (count: number) => `${count} pending ${pluralize("en", count, { one: "request", other: "requests" })}`,
      empty: "No requests are waiting.",
      suggestion: "Suggested invitation",
      ask: "Asks to join",
      suggestedBy: (name: string) => `Suggested by ${name}`,
      askedBy: "Asked for themselves",
      deletedAccount: "a deleted account",
      received: "Received",
      approve: "Approve",
      reject: "Reject",
      approvedInvited: (email: string) => `Invitation sent to ${email}`,
      approvedJoined: (email: string) => `${email} is now a member`,
      rejected: (email: string) => `Request for ${email} declined`,
      rejectTitle: (email: string) => `Decline the request for ${email}?`,
      rejectDescription: "The person who made it is told by email, with your reason if you give one.",
      reason: "Reason (optional)",
      cancel: "Cancel",
      confirmReject: "Decline request",
    },
    suggest: {
      title: "Suggest someone",
      description: (team: string) => `An admin of ${team} reviews your suggestion and sends the invitation.`,
      email: "Email address",
      note: "Note for the admins (optional)",
      submit: "Suggest",
      sent: (email: string) => `Suggested ${email}: an admin will review it.`,
    },
    discover: {
      title: "Teams you can join",
      description: "Teams open to people on your email's domain.",
      ask: "Ask to join",
      join: "Join",
      requested: "Request sent",
      asked: (team: string) => `Request sent to the admins of ${team}`,
      joined: (team: string) => `You joined ${team}`,
      byRequest: "An admin approves each request",
      atOnce: "Join at once",
    },
    policy: {
      title: "Joining from these domains",
      description:
        "People signed in with a verified address on an allowed domain can find this team under “Teams you can join”.",
      off: "Off: only invitations",
      request: "Ask to join: an admin approves each request",
      autoJoin: "Join at once as Member, while seats last",
      save: "Save",
      saved: "Joining setting saved",
      needsDomains: "Add at least one domain: without allowed domains nobody can find the team.",
    },
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
    /** Settings → Webhooks: the team's endpoints, their secrets and deliveries. */
    webhooks: {
      navLabel: "Webhooks",
      title: "Webhooks",
      description: (team: string) =>
        `Send ${team}'s invitation and member events to your own systems as signed HTTPS requests.`,
      endpointsCount: (count: number) => `${count} ${pluralize("en", count, { one: "endpoint", other: "endpoints" })}`,
      empty: "No endpoints yet. Add one to start receiving events.",
      add: { title: "Add an endpoint", submit: "Add endpoint", added: "Endpoint added" },
      form: {
        url: "Endpoint URL",
        urlHint: "An https:// address on the public internet. Events arrive as POST requests with a JSON body.",
        description: "Description (optional)",
        events: "Events to send",
        enabled: "Send events to this endpoint",
        save: "Save changes",
        saved: "Endpoint saved",
        nothingChanged: "Nothing to save: the endpoint is unchanged.",
      },
      eventLabels: {
        "invitation.created": "Invitation created",
        "invitation.accepted": "Invitation accepted",
        "invitation.declined": "Invitation declined",
        "invitation.withdrawn": "Invitation withdrawn",
        "invitation.expired": "Invitation expired",
        "member.joined": "Member joined",
        "member.removed": "Member removed",
      } satisfies Record<WebhookEventType, string>,
      eventsCount: (count: number) => `${count} ${pluralize("en", count, { one: "event", other: "events" })}`,
      enabled: "Enabled",
      disabled: "Disabled",
      open: "Deliveries and settings",
      back: "All endpoints",
      secret: {
        title: "Signing secret",
        hint: "Check each request's webhook-signature header with this secret, using any Standard Webhooks or Svix library.",
        shownOnce: "Copy the signing secret now. You can reveal it again on the endpoint's page.",
        reveal: "Reveal secret",
        hide: "Hide",
        copy: "Copy secret",
        copied: "Secret copied",
        rotate: "Rotate secret",
        rotateTitle: "Rotate the signing secret?",
        rotateBody:
          "A new secret signs every request from now on. The current one also signs for 24 hours, so you can update your receiver without losing events.",
        rotated: "Secret rotated. The previous one keeps signing for 24 hours.",
        previousUntil: "The previous secret also signs until",
      },
      remove: {
        button: "Delete endpoint",
        title: "Delete this endpoint?",
        body: "It stops receiving events at once, and its delivery history is deleted.",
        confirm: "Delete",
        deleted: "Endpoint deleted",
      },
      deliveries: {
        title: "Deliveries",
        empty: "Nothing has been sent to this endpoint yet.",
        status: { PENDING: "Pending", SUCCEEDED: "Delivered", FAILED: "Failed" },
        attempts: (count: number) => `${count} ${pluralize("en", count, { one: "attempt", other: "attempts" })}`,
        nextAttempt: "Next attempt",
        replay: "Replay",
        replayed: "Sending it again now",
        attemptNumber: (n: number) => `Attempt ${n}`,
        noResponse: "No response",
        duration: (ms: number) => `${ms} ms`,
        body: "Request body",
        older: "Older",
        newest: "Newest",
      },
      cancel: "Cancel",
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
        "join_request.suggested": "Suggested inviting",
        "join_request.asked": "Asked to join",
        "join_request.approved": "Approved the request for",
        "join_request.rejected": "Declined the request for",
        "invitation.import_started": "Imported invitations from a CSV file",
        "member.joined": "Joined the team",
        "member.role_changed": "Changed the role of",
        "member.removed": "Removed from the team",
        "team.domains_changed": "Changed the allowed domains",
        "team.settings_changed": "Changed the team's settings",
        "team.join_policy_changed": "Changed who may join from the domains",
        "webhook.created": "Added a webhook endpoint",
        "webhook.updated": "Changed a webhook endpoint",
        "webhook.deleted": "Deleted a webhook endpoint",
        "webhook.secret_rotated": "Rotated a webhook secret",
        "webhook.secret_revealed": "Revealed a webhook secret",
        "webhook.delivery_replayed": "Replayed a webhook delivery",
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
  /** The inviter's personal message: in the invitation email and on the invitation page. */
  invitationMessage: {
    emailIntro: (inviter: string) => `${inviter} wrote:`,
    pageLabel: (inviter: string) => `Message from ${inviter}`,
  },
  /** CSV import and export on the invitations page, and an import's page. */
  invitationCsv: {
    exportButton: "Export CSV",
    importButton: "Import CSV",
    dialogTitle: "Import invitations from CSV",
    dialogDescription: (maxRows: string) =>
      `A header row, then one invitation per row. Columns: email (required), role, groups (separated by ";") and language. Up to ${maxRows} rows; empty cells take the defaults below.`,
    file: "CSV file",
    defaultRole: "Default role",
    chooseRole: "Choose a role",
    defaultLanguage: "Default email language",
    message: "Personal message (optional)",
    checking: "Checking the file…",
    rowsCheck: "Rows check",
    rowsSummary: (count: number, parts: string) =>
      `${count.toLocaleString("en")} ${pluralize("en", count, { one: "row", other: "rows" })}: ${parts}`,
    tooLarge: (maxRows: string) => `This file is too large: at most ${maxRows} rows.`,
    checkFailed: "Couldn't check this file just now. Try again in a moment.",
    empty: "(empty)",
    cancel: "Cancel",
    start: (count: number) => (count > 0 ? `Start import (${count.toLocaleString("en")})` : "Start import"),
    willBeInvited: "Will be invited",
    willBeInvitedSummary: (n: number) => `${n.toLocaleString("en")} will be invited`,
    waiting: "Waiting",
    outcomes: {
      invited: { label: "Invited", summary: (n: number) => `${n.toLocaleString("en")} invited` },
      invalid: { label: "Invalid", summary: (n: number) => `${n.toLocaleString("en")} invalid` },
      duplicate: {
        label: "Duplicate",
        summary: (n: number) =>
          `${n.toLocaleString("en")} ${pluralize("en", n, { one: "duplicate", other: "duplicates" })}`,
      },
      already_member: {
        label: "Already a member",
        summary: (n: number) => `${n.toLocaleString("en")} already a member`,
      },
      already_invited: {
        label: "Already invited",
        summary: (n: number) => `${n.toLocaleString("en")} already invited`,
      },
      domain_not_allowed: {
        label: "Domain not allowed",
        summary: (n: number) => `${n.toLocaleString("en")} domain not allowed`,
      },
      not_permitted: { label: "Not permitted", summary: (n: number) => `${n.toLocaleString("en")} not permitted` },
      seat_limit: { label: "No free seat", summary: (n: number) => `${n.toLocaleString("en")} without a free seat` },
    },
    back: "Invitations",
    heading: (file: string) => `Import of ${file}`,
    statuses: { PENDING: "Queued", RUNNING: "In progress", DONE: "Finished", FAILED: "Stopped" },
    started: "Started",
    by: (name: string) => `by ${name}`,
    finished: "finished",
    progressLabel: "Rows processed",
    counts: (processed: number, total: number, invited: number, skipped: number) =>
      `${processed.toLocaleString("en")} of ${total.toLocaleString("en")} ${pluralize("en", total, { one: "row", other: "rows" })} processed: ${invited.toLocaleString("en")} invited, ${skipped.toLocaleString("en")} skipped`,
    resumesAt: "The import carries on by itself at",
    allRows: "All rows",
    skippedOnly: "Skipped only",
    rowsShown: "Rows shown",
    row: "Row",
    email: "Email",
    result: "Result",
    noneSkipped: "No row was skipped.",
    noRows: "No rows.",
    pages: "Pages",
    previous: "Previous",
    next: "Next",
    pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
    recentImports: "Recent imports",
    progress: (processed: number, total: number) =>
      `${processed.toLocaleString("en")}/${total.toLocaleString("en")} ${pluralize("en", total, { one: "row", other: "rows" })}`,
  },
};

export type Catalogue = typeof en;
