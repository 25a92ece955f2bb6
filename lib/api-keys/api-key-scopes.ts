export const API_KEY_SCOPES = ["invitations:read", "invitations:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "invitations:read": "Read invitations",
  "invitations:write": "Create, resend, withdraw, delete, accept and decline invitations",
};
