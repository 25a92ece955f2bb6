export const API_KEY_SCOPES = ["invitations:read", "invitations:write", "webhooks:read", "webhooks:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "invitations:read": "Read invitations",
  "invitations:write": "Create, resend, withdraw, delete, accept and decline invitations",
  "webhooks:read": "Read webhook endpoints and their deliveries",
  "webhooks:write": "Add, change, delete webhook endpoints, rotate their secrets and replay deliveries",
};
