import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { ApiKeyScope } from "@/lib/api-keys/api-key-scopes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { problem } from "./problem";

type Context<P> = { params: Promise<P> };
type Handler<P> = (input: { actor: Extract<Actor, { kind: "api-key" }>; request: Request; params: P }) => Promise<Response>;

/**
 * Every /api/v1 route: a Bearer key (cookies are never read here, so there is no CSRF
 * surface), the key's scope, a per-key rate limit shared by all instances, and RateLimit
 * headers on every answer. The handler then calls one data-layer function.
 */
export function apiRoute<P = Record<string, never>>(scope: ApiKeyScope, handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    const actor = await authenticateApiKey(request.headers.get("authorization"));
    if (!actor || actor.kind !== "api-key") return problem("UNAUTHENTICATED", "Send a valid API key as `Authorization: Bearer <key>`.");
    if (!actor.scopes.includes(scope)) return problem("FORBIDDEN", `This API key lacks the ${scope} scope.`);

    const limit = env.API_REQUESTS_PER_MINUTE;
    const outcome = await consumeRateLimit(db, { key: `api:${actor.apiKeyId}`, limit, windowSeconds: 60 });
    const headers = {
      "RateLimit-Limit": String(limit),
      "RateLimit-Remaining": String(outcome.remaining),
      "RateLimit-Reset": String(outcome.resetSeconds),
      "RateLimit-Policy": `${limit};w=60`,
    };
    if (!outcome.allowed) {
      return problem("RATE_LIMITED", `This key may make ${limit} requests a minute.`, { headers, retryAfterSeconds: outcome.resetSeconds });
    }
    const response = await handler({ actor, request, params: await context.params });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

export function json(body: unknown, status = 200) {
  return Response.json(body, { status });
}
