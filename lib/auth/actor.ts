/** Who is acting: a signed-in user, or a user through one of their API keys (narrowed by its scopes). */
export type Actor =
  { kind: "user"; userId: string } | { kind: "api-key"; userId: string; apiKeyId: string; scopes: readonly string[] };
