/** Every audit event's action, in one list: a write can record only these, and readers can label each. */
export const AUDIT_ACTIONS = [
  "invitation.created",
  "invitation.resent",
  "invitation.link_reset",
  "invitation.current_link_requested",
  "invitation.reminder_queued",
  "invitation.updated",
  "invitation.withdrawn",
  "invitation.superseded",
  "invitation.deleted",
  "invitation.accepted",
  "invitation.declined",
  "invitation.link_copied",
  "invitation.renewal_requested",
  "invite_link.created",
  "invite_link.revoked",
  "invite_link.copied",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "team.domains_changed",
  "team.settings_changed",
  "user.password_reset",
  "user.password_changed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
