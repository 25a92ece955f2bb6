import type { AuditAction } from "@/lib/audit/audit-actions";
import { pluralize } from "../pluralize";

/** The team's General settings page and activity log, in English. */
export const en = {
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
    description: (team: string) => `Who did what in ${team}: invitations, answers and changes to members and settings.`,
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
      settingNames: { name: "name", invitationLifetimeDays: "invitation lifetime", seatLimit: "seat limit" } as Record<
        string,
        string
      >,
    },
  },
};

export type TeamSettingsMessages = typeof en;
