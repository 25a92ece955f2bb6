import { fail, type Failure } from "@/lib/result";

/**
 * Why an invitation can no longer be answered or changed. REPLACED: still pending, but under a
 * newer link than the one presented ("Reset link" replaced it). MISSING: deleted, or never there.
 */
export type ClosedState = "ACCEPTED" | "DECLINED" | "WITHDRAWN" | "EXPIRED" | "REPLACED" | "MISSING";

/**
 * The one description of a closed invitation. Admins are told what happened to an invitation
 * they manage (409; an expired one is still theirs to resend). The invitee is told why the link
 * no longer works (410), and a link that never worked or was replaced answers like an unknown
 * one, with the caller's not-found message. The invitee's failures carry the state (`closed`),
 * from which the invitation page says the same in the invitation's language (describeInviteFailure).
 */
export function describeClosedInvitation(
  state: ClosedState,
  audience: { to: "admin" } | { to: "invitee"; team: string; notFound: string },
): Failure {
  if (audience.to === "admin") {
    switch (state) {
      case "ACCEPTED":
        return fail("CONFLICT", "This invitation was already accepted.");
      case "DECLINED":
        return fail("CONFLICT", "This invitation was declined.");
      case "WITHDRAWN":
        return fail("CONFLICT", "This invitation was withdrawn.");
      case "MISSING":
        return fail("NOT_FOUND", "Invitation not found.");
      default:
        return fail("CONFLICT", "This invitation is no longer pending.");
    }
  }
  switch (state) {
    case "ACCEPTED":
      return fail("GONE", "This invitation has already been used.", { closed: state });
    case "DECLINED":
      return fail("GONE", "This invitation was declined.", { closed: state });
    case "WITHDRAWN":
      return fail("GONE", `This invitation was withdrawn by ${audience.team}.`, { closed: state });
    case "EXPIRED":
      return fail("GONE", `This invitation has expired. Ask an admin of ${audience.team} to send a new one.`, {
        closed: state,
      });
    case "REPLACED":
    case "MISSING":
      return fail("NOT_FOUND", audience.notFound);
  }
}
