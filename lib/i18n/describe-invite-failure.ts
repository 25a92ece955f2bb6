import type { ErrorCode, Failure } from "@/lib/result";
import type { Catalogue } from "./catalogues";

type InvitePageMessages = Catalogue["invitePage"];

/** A failed call from the invitation page: the server's failure, or no answer at all (network, a 429 from the proxy). */
export type InviteFailure = {
  code: ErrorCode | "UNREACHABLE";
  fieldErrors?: Record<string, string[]>;
  closed?: Failure["closed"];
};

export const UNREACHABLE: InviteFailure = { code: "UNREACHABLE" };

const FIELD_RULES: Record<string, (t: InvitePageMessages) => string> = {
  name: (t) => t.nameRule,
  password: (t) => t.passwordRule,
  reason: (t) => t.reasonRule,
};

/** What closed the invitation, in the words the page uses for that state (the server's describeClosedInvitation, translated). */
const CLOSED: Record<NonNullable<Failure["closed"]>, (t: InvitePageMessages, team: string) => string> = {
  ACCEPTED: (t) => `${t.usedTitle}.`,
  DECLINED: (t) => `${t.declinedStateTitle}.`,
  WITHDRAWN: (t) => `${t.withdrawnTitle}.`,
  EXPIRED: (t, team) => `${t.expiredTitle}. ${t.expiredBody(team)}`,
};

/**
 * The server's messages are English; the invitation page speaks the invitation's language.
 * So the page maps each failure code (and each invalid field) to its own catalogue.
 */
export function describeInviteFailure(t: InvitePageMessages, failure: InviteFailure, team: string): string {
  switch (failure.code) {
    case "INVALID":
      return t.checkTheForm;
    case "NOT_FOUND":
      return t.invalidTitle;
    case "GONE":
      return failure.closed ? CLOSED[failure.closed](t, team) : t.noLongerOpen;
    case "CONFLICT":
    case "UNAVAILABLE":
      return t.conflict;
    case "UNAUTHENTICATED":
      return t.signInFirst;
    case "FORBIDDEN":
      return t.roleNoLongerGrantable(team);
    case "LIMIT_REACHED":
      return t.teamFull(team);
    case "RATE_LIMITED":
      return t.tooManyRequests;
    case "UNREACHABLE":
      return t.requestFailed;
  }
}

/** Field name → the rule it broke, in the page's language; fields we don't know are left out. */
export function describeFieldErrors(
  t: InvitePageMessages,
  fieldErrors: Record<string, string[]> | undefined,
): Record<string, string> {
  const described: Record<string, string> = {};
  for (const field of Object.keys(fieldErrors ?? {})) {
    const rule = FIELD_RULES[field];
    if (rule) described[field] = rule(t);
  }
  return described;
}
