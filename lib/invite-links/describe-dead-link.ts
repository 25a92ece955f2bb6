import "server-only";
import { fail, type Failure } from "@/lib/result";
import type { InviteLinkStatus } from "./invite-link-status";

/** Why a link let nobody in, as the joiner's failure (the join page words it from `reason`). */
export type DeadLinkReason = Exclude<InviteLinkStatus, "ACTIVE"> | "INVALID" | "WRONG_DOMAIN";

const MESSAGES: Record<DeadLinkReason, string> = {
  INVALID: "This invite link is not valid.",
  REVOKED: "This invite link was revoked.",
  EXPIRED: "This invite link has expired.",
  USED_UP: "This invite link has been used as many times as it allows.",
  WRONG_DOMAIN: "This invite link is only for addresses at another domain.",
};

export function describeDeadLink(reason: DeadLinkReason): Failure & { reason: DeadLinkReason } {
  const code = reason === "INVALID" ? "NOT_FOUND" : reason === "WRONG_DOMAIN" ? "FORBIDDEN" : "GONE";
  return { ...fail(code, MESSAGES[reason]), reason };
}
