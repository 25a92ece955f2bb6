import type { InvitationDisplayStatus } from "@/lib/invitations/status";
import { canGrantRole, type RoleLike } from "./can";

/** What a viewer may do to one invitation: the server decides, the table's menu only reads it. */
export type InvitationActions = {
  copyLink: boolean;
  resend: boolean;
  resetLink: boolean;
  withdraw: boolean;
  edit: boolean;
  delete: boolean;
};

/**
 * Which actions an invitation's status allows, for a viewer who may manage it at all (nobody
 * touches an invitation to a role above their own: `canGrantRole`). Pending: everything; expired:
 * resend and reset link (either renews it) and delete; answered or withdrawn: delete only.
 */
export function allowedInvitationActions(
  viewer: RoleLike,
  invitation: { status: InvitationDisplayStatus; role: Pick<RoleLike, "rank"> },
): InvitationActions {
  const manageable = canGrantRole(viewer, invitation.role);
  const pending = manageable && invitation.status === "PENDING";
  const renewable = manageable && (invitation.status === "PENDING" || invitation.status === "EXPIRED");
  return {
    copyLink: pending,
    resend: renewable,
    resetLink: renewable,
    withdraw: pending,
    edit: pending,
    delete: manageable,
  };
}
