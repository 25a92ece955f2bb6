import type { BulkInvitationAction } from "@/lib/invitations/bulk-invitation-schemas";
import type { InvitationDisplayStatus } from "@/lib/invitations/status";
import type { BulkSkipReason } from "@/lib/invitations/tally-bulk-outcomes";
import { pluralize } from "../pluralize";

const invitations = (count: number) =>
  `${count.toLocaleString("en")} ${pluralize("en", count, { one: "invitation", other: "invitations" })}`;

/** Why rows were skipped; each agrees with the count of rows skipped for it (French adjectives do). */
const REASONS: Record<BulkSkipReason, (count: number) => string> = {
  accepted: () => "already accepted",
  declined: () => "declined",
  withdrawn: () => "already withdrawn",
  expired: () => "expired",
  missing: () => "no longer there",
  not_permitted: () => "role above yours",
  rate_limited: () => "sent too often this hour",
  seat_limit: () => "no free seats",
  busy: () => "changed meanwhile",
};

/** The invitations table's status tabs and bulk actions, in English. */
export const en = {
  tabs: {
    label: "Filter by status",
    all: "All",
    status: {
      PENDING: "Pending",
      EXPIRED: "Expired",
      ACCEPTED: "Accepted",
      DECLINED: "Declined",
      WITHDRAWN: "Withdrawn",
    } satisfies Record<InvitationDisplayStatus, string>,
    capped: (count: number) => `${count.toLocaleString("en")}+`,
  },
  selection: {
    selectRow: (email: string) => `Select ${email}`,
    selectPage: "Select all invitations on this page",
    selected: (count: number) => `${count.toLocaleString("en")} selected`,
    allMatching: (count: number, capped: boolean) =>
      `All ${capped ? `${count.toLocaleString("en")}+` : count.toLocaleString("en")} matching invitations selected`,
    selectAllMatching: (count: number, capped: boolean) =>
      `Select all ${capped ? `${count.toLocaleString("en")}+` : count.toLocaleString("en")} matching`,
    clear: "Clear selection",
    tooMany: (limit: number) =>
      `A bulk action takes at most ${limit.toLocaleString("en")} invitations: narrow the filter first.`,
  },
  actions: {
    label: "Bulk actions",
    verb: { resend: "Resend", withdraw: "Withdraw", delete: "Delete" } satisfies Record<BulkInvitationAction, string>,
    title: (action: BulkInvitationAction, count: number, capped: boolean) =>
      `${{ resend: "Resend", withdraw: "Withdraw", delete: "Delete" }[action]} ${capped ? `${count.toLocaleString("en")}+ invitations` : invitations(count)}?`,
    description: {
      resend:
        "Each one is emailed again with the same link and a fresh lifetime. Invitations that can't be resent are skipped.",
      withdraw: "Their links stop working at once. Invitations that are no longer pending are skipped.",
      delete: "They disappear from the list for good; pending links stop working. The activity log keeps a record.",
    } satisfies Record<BulkInvitationAction, string>,
    cancel: "Cancel",
    failed: "The bulk action failed. Try again.",
  },
  summary: {
    done: (action: BulkInvitationAction, count: number) =>
      `${count.toLocaleString("en")} ${{ resend: "resent", withdraw: "withdrawn", delete: "deleted" }[action]}`,
    skipped: (count: number, reasons: string) =>
      `${count.toLocaleString("en")} skipped${reasons ? `: ${reasons}` : ""}`,
    nothing: "No invitations matched; nothing changed.",
    reason: REASONS,
  },
};

export type InvitationsBulkMessages = typeof en;
