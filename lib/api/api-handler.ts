import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { ApiKeyScope } from "@/lib/api-keys/api-key-scopes";
import type { Actor } from "@/lib/auth/actor";
import { parseClientAddress } from "@/lib/auth/parse-client-address";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { consumeRateLimit, type RateLimitOutcome } from "@/lib/rate-limit/consume-rate-limit";
import { storableInput } from "@/lib/validation/storable-input";
import { zodFailure } from "@/lib/validation/zod-failure";
import { createLeasedRateLimiter } from "@/lib/rate-limit/create-leased-rate-limiter";
import { toTeamRef } from "./to-team-ref";
import { problem, problemFromFailure } from "./problem";
import { API_WINDOW_SECONDS, rateLimitHeaders } from "./rate-limit-headers";

type Context<P> = { params: Promise<P> };
type ApiKeyActor = Extract<Actor, { kind: "api-key" }>;
type Handler<P> = (input: { actor: ApiKeyActor; request: Request; params: P }) => Promise<Response>;
type PublicHandler = (input: { request: Request }) => Promise<Response> | Response;

/**
 * Keys are limited in leases (no database write per request; see createLeasedRateLimiter): a
 * busy key's shared counter row was the hottest row in the database, locked by every request.
 * Requests without a valid key stay exact, one counted unit per request.
 */
let perKeyLimiter: ReturnType<typeof createLeasedRateLimiter> | undefined;
function consumePerKey(bucket: string) {
  perKeyLimiter ??= createLeasedRateLimiter(db, {
    limit: env.API_REQUESTS_PER_MINUTE,
    windowSeconds: API_WINDOW_SECONDS,
  });
  return perKeyLimiter(bucket);
}

/** Counts one request against a bucket; the answer's RateLimit headers, and a 429 when it is spent. */
async function limitRequest(bucket: string, policy: string, consume: (bucket: string) => Promise<RateLimitOutcome>) {
  const limit = env.API_REQUESTS_PER_MINUTE;
  const outcome = await consume(bucket);
  const headers = rateLimitHeaders(policy, outcome);
  const refusal = outcome.allowed
    ? null
    : problem("RATE_LIMITED", `Make at most ${limit} requests a minute (${policy}).`, {
        headers,
        retryAfterSeconds: outcome.resetSeconds,
      });
  return { headers, refusal };
}

function limitClient(request: Request) {
  const address = parseClientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
  return limitRequest(`api:client:${address}`, "per-client", (key) =>
    consumeRateLimit(db, { key, limit: env.API_REQUESTS_PER_MINUTE, windowSeconds: API_WINDOW_SECONDS }),
  );
}

function finish(response: Response, headers: Record<string, string>) {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/** A client that hung up mid-request (its body cut off) is no failure of ours and no cause for a log line. */
function clientWentAway(request: Request, error: unknown) {
  return request.signal.aborted || (error instanceof Error && (error as NodeJS.ErrnoException).code === "ECONNRESET");
}

/** Unexpected failures: logged here with the request line, answered without details. */
function internalError(request: Request, error: unknown, headers: Record<string, string>) {
  unstable_rethrow(error);
  if (clientWentAway(request, error))
    return finish(problem("INVALID", "The request was cut off before its end."), headers);
  console.error(`API ${request.method} ${new URL(request.url).pathname} failed:`, error);
  return finish(problem("INTERNAL", "Something went wrong on our side. Try again later."), headers);
}

/**
 * Every authenticated /api/v1 route: a Bearer key (cookies are never read here, so there is no
 * CSRF surface), a per-key rate limit shared by all instances, the key's scope, and RateLimit
 * headers on every answer. Requests without a valid key are limited per client address.
 */
export function apiRoute<P = Record<string, never>>(scope: ApiKeyScope, handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      const params = storableInput(z.custom<P>()).safeParse(await context.params);
      // The team the path names is read with the key (authenticateApiKey), for the guard.
      const pathTeam =
        params.success && params.data && typeof params.data === "object" && "team" in params.data
          ? typeof params.data.team === "string"
            ? toTeamRef(params.data.team)
            : undefined
          : undefined;
      const actor = await authenticateApiKey(request.headers.get("authorization"), pathTeam);
      if (!actor || actor.kind !== "api-key") {
        const limited = await limitClient(request);
        headers = limited.headers;
        return finish(
          limited.refusal ?? problem("UNAUTHENTICATED", "Send a valid API key as `Authorization: Bearer <key>`."),
          headers,
        );
      }
      const limited = await limitRequest(`api:${actor.apiKeyId}`, "per-key", consumePerKey);
      headers = limited.headers;
      if (limited.refusal) return finish(limited.refusal, headers);
      if (!actor.scopes.includes(scope))
        return finish(problem("FORBIDDEN", `This API key lacks the ${scope} scope.`), headers);
      if (!params.success) return finish(problemFromFailure(zodFailure(params.error)), headers);
      return finish(await handler({ actor, request, params: params.data }), headers);
    } catch (error) {
      return internalError(request, error, headers);
    }
  };
}

/** A /api/v1 route that needs no key (the OpenAPI document): limited per client address. */
export function publicApiRoute(handler: PublicHandler) {
  return async (request: Request): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      const limited = await limitClient(request);
      headers = limited.headers;
      return finish(limited.refusal ?? (await handler({ request })), headers);
    } catch (error) {
      return internalError(request, error, headers);
    }
  };
}

export function json(body: unknown, status = 200) {
  return Response.json(body, { status });
}

/** A body that is JSON text already (see readApiInvitations). */
export function jsonText(text: string, status = 200) {
  return new Response(text, { status, headers: { "content-type": "application/json" } });
}
