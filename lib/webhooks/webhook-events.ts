/** The events a team's webhook endpoints can subscribe to, in the order the UI lists them. */
export const WEBHOOK_EVENT_TYPES = [
  "invitation.created",
  "invitation.accepted",
  "invitation.declined",
  "invitation.withdrawn",
  "invitation.expired",
  "member.joined",
  "member.removed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What an invitation event says about its invitation: never its token or link. */
export type InvitationEventData = {
  teamId: string;
  invitation: { id: string; email: string; roleId: string };
};

export type MemberEventData = {
  teamId: string;
  membership: { id: string; userId: string; roleId: string; email?: string };
  invitationId?: string;
};

export type WebhookEventData = InvitationEventData | MemberEventData;

export function invitationEventData(invitation: {
  id: string;
  teamId: string;
  email: string;
  roleId: string;
}): InvitationEventData {
  return {
    teamId: invitation.teamId,
    invitation: { id: invitation.id, email: invitation.email, roleId: invitation.roleId },
  };
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
