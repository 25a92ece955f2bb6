import "server-only";
import { z } from "zod";
import { MAX_BODY_BYTES } from "../read-json-body";
import {
  acceptResultSchema,
  apiInvitationSchema,
  bulkInvitationsBodySchema,
  bulkInvitationsResultSchema,
  createdInviteLinkSchema,
  createInvitationsBodySchema,
  exportInvitationsQuerySchema,
  createInviteLinkBodySchema,
  declineBodySchema,
  apiInviteLinkSchema,
  invitationPageSchema,
  inviteLinkListSchema,
  inviteResultSchema,
  joinInviteLinkBodySchema,
  joinInviteLinkResultSchema,
  joinRequestListSchema,
  approveJoinRequestResultSchema,
  rejectJoinRequestBodySchema,
  suggestMemberBodySchema,
  suggestMemberResultSchema,
  pageQuerySchema,
  problemSchema,
  teamInvitationsQuerySchema,
} from "../schemas";
import {
  apiWebhookEndpointSchema,
  createdWebhookEndpointSchema,
  rotatedWebhookSecretSchema,
  webhookDeliveryPageSchema,
  webhookEndpointListSchema,
} from "../webhook-schemas";
import { deliveriesQuerySchema } from "@/lib/webhooks/list-webhook-deliveries";
import { createWebhookEndpointSchema, updateWebhookEndpointSchema } from "@/lib/webhooks/webhook-endpoint-schema";

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 speaks) from the zod schema the handler validates with. */
function schemaOf(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonSchema;
  void _dialect;
  return rest;
}

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    const json = schemaOf(fieldSchema, "input");
    return {
      name,
      in: "query",
      required: !fieldSchema.safeParse(undefined).success,
      description: json.description,
      schema: json,
    };
  });
}

const pathParameter = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});
const teamParameter = pathParameter("team", "Team id or slug");
const invitationParameter = pathParameter("id", "Invitation id (UUID)");
const joinRequestParameter = pathParameter("id", "Join request id (UUID)");
const webhookParameter = pathParameter("id", "Webhook endpoint id (UUID)");
const deliveryParameter = pathParameter("id", "Webhook delivery id (UUID)");
const inviteLinkParameter = pathParameter("id", "Invite link id (UUID)");

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
const rateLimitHeaders = { "RateLimit-Policy": headerRef("RateLimit-Policy"), RateLimit: headerRef("RateLimit") };
const jsonContent = (schema: JsonSchema) => ({ "application/json": { schema } });

/** Every answer carries the RateLimit fields; a 429 also says when to retry. */
const success = (description: string, schemaName?: string) => ({
  description,
  headers: rateLimitHeaders,
  ...(schemaName ? { content: jsonContent(ref(schemaName)) } : {}),
});
const problemResponse = (description: string, extraHeaders: Record<string, unknown> = {}) => ({
  description,
  headers: { ...rateLimitHeaders, ...extraHeaders },
  content: { "application/problem+json": { schema: ref("Problem") } },
});

const errors = {
  "400": problemResponse(
    "Invalid parameters or body (type .../invalid-request, `errors` lists field errors) or malformed JSON (.../malformed-json)",
  ),
  "401": problemResponse("Missing, unknown, expired or revoked API key (limited per client address)"),
  "403": problemResponse(
    "The key lacks the operation's scope, or its user lacks the permission (members.manage and api.access in that team)",
  ),
  "404": problemResponse(
    "No such team or invitation for this caller: another team's resources, and teams you are not in, answer 404",
  ),
  "409": problemResponse(
    "The invitation is no longer pending (accepted, declined or withdrawn); or the join request was already decided, or its address is already a member, invited or waiting",
  ),
  "410": problemResponse(
    "The invitation can no longer be answered: it expired, was withdrawn, or was already accepted or declined",
  ),
  "413": problemResponse(`Body larger than ${MAX_BODY_BYTES} bytes, whatever Content-Length says`),
  "415": problemResponse("Body is not application/json"),
  "422": problemResponse("The team's seat limit would be exceeded (type .../limit-reached)"),
  "429": problemResponse(
    "Too many requests: this key's requests per minute, or an invitation limit (per team, per inviter, resends per invitation)",
    {
      "Retry-After": headerRef("Retry-After"),
    },
  ),
  "500": problemResponse("Unexpected failure (type .../internal); no details are given, the server logs them"),
  "503": problemResponse(
    "Busy (type .../unavailable): the write met too many concurrent ones, or no database connection freed up in time; nothing was written, try again after Retry-After",
    {
      "Retry-After": headerRef("Retry-After"),
    },
  ),
};
type ErrorStatus = keyof typeof errors;
const errorsFor = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    ["401", "403", "429", "500", ...statuses].sort().map((status) => [status, errors[status as ErrorStatus]]),
  );
/** The webhooks' operations need team.settings, not members.manage, and name their own 404s and limits. */
const webhookErrorsFor = (...statuses: ErrorStatus[]) => ({
  ...errorsFor(...statuses),
  "403": problemResponse(
    "The key lacks the operation's scope (webhooks:read or webhooks:write), or its user lacks team.settings and api.access in that team",
  ),
  ...(statuses.includes("404")
    ? { "404": problemResponse("No such team, endpoint or delivery for this caller (another team's answer 404)") }
    : {}),
  ...(statuses.includes("409")
    ? { "409": problemResponse("The delivery is being sent right now; its result is recorded in a moment") }
    : {}),
  ...(statuses.includes("422")
    ? { "422": problemResponse("The team already has the most endpoints allowed (type .../limit-reached)") }
    : {}),
  "429": problemResponse("Too many requests: this key's requests per minute, or the team's webhook changes per hour", {
    "Retry-After": headerRef("Retry-After"),
  }),
});

export function buildOpenApiDocument(serverUrl: string) {
  const read = [{ bearerAuth: [] }];
  return {
    openapi: "3.1.0",
    info: {
      title: "Teamgate API",
      version: "1.0.0",
      description:
        "Invite people to teams and follow their invitations. Authenticate with a personal API key (`Authorization: Bearer tg_live_…`) created under Account → API keys. A key acts as its user, narrowed by its scopes, in the teams where the user's role has `api.access`. Errors are RFC 9457 problem details. Every response carries the IETF draft `RateLimit-Policy` and `RateLimit` fields (per key; per client address without a valid key); a 429 adds `Retry-After`.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: read,
    tags: [
      { name: "Invitations" },
      { name: "Invite links" },
      { name: "Join requests" },
      {
        name: "Webhooks",
        description:
          "Endpoints that receive the team's events (invitation.created, .accepted, .declined, .withdrawn, .expired, member.joined, member.removed) as signed POSTs in the Standard Webhooks format (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`), verifiable with Svix's libraries and the endpoint's `whsec_…` secret. Failed deliveries are retried with backoff (5 s, 30 s, 2 min, 10 min, 1 h, 4 h, 12 h; 8 attempts). Needs team.settings.",
      },
    ],
    paths: {
      "/invitations/sent": {
        get: {
          operationId: "listSentInvitations",
          tags: ["Invitations"],
          summary: "Invitations you created, in every team where you can still manage members",
          description:
            "Newest first, across teams. Only teams where you still hold `members.manage` and `api.access` are included: after leaving a team or losing that right you no longer read its invitations, including the ones you created.",
          parameters: queryParameters(pageQuerySchema),
          responses: { "200": success("A page of invitations", "InvitationPage"), ...errorsFor("400") },
        },
      },
      "/invitations/received": {
        get: {
          operationId: "listReceivedInvitations",
          tags: ["Invitations"],
          summary: "Pending invitations addressed to your email, in any team",
          description: "Newest first, paginated by cursor like every list: follow `next` until it is null.",
          parameters: queryParameters(pageQuerySchema),
          responses: { "200": success("A page of your pending invitations", "InvitationPage"), ...errorsFor("400") },
        },
      },
      "/invitations/{id}/accept": {
        post: {
          operationId: "acceptInvitation",
          tags: ["Invitations"],
          summary: "Accept one of your received invitations (scope invitations:write)",
          parameters: [invitationParameter],
          responses: { "200": success("You are a member", "AcceptResult"), ...errorsFor("404", "410", "422", "503") },
        },
      },
      "/invitations/{id}/decline": {
        post: {
          operationId: "declineInvitation",
          tags: ["Invitations"],
          summary: "Decline one of your received invitations (scope invitations:write)",
          parameters: [invitationParameter],
          requestBody: { required: false, content: jsonContent(ref("Decline")) },
          responses: { "204": success("Declined"), ...errorsFor("400", "404", "410", "413", "415", "503") },
        },
      },
      "/teams/{team}/invitations": {
        get: {
          operationId: "listTeamInvitations",
          tags: ["Invitations"],
          summary: "A team's invitations (members.manage), filtered, sorted and cursor-paginated",
          parameters: [teamParameter, ...queryParameters(teamInvitationsQuerySchema)],
          responses: { "200": success("A page of invitations", "InvitationPage"), ...errorsFor("400", "404") },
        },
        post: {
          operationId: "createInvitations",
          tags: ["Invitations"],
          summary: "Invite one or more addresses (scope invitations:write)",
          parameters: [teamParameter],
          requestBody: { required: true, content: jsonContent(ref("CreateInvitations")) },
          responses: {
            "201": success("At least one invitation was created", "InviteResult"),
            "200": success("Nothing was created; every address was skipped (see results)", "InviteResult"),
            ...errorsFor("400", "404", "413", "415", "422", "503"),
          },
        },
      },
      "/teams/{team}/invitations.csv": {
        get: {
          operationId: "exportTeamInvitationsCsv",
          tags: ["Invitations"],
          summary:
            "A team's invitations as CSV (members.manage): the invitations table's filters and sort, every matching row",
          description:
            "Takes the invitations table's URL state (`status`, `role` and `inviter` as comma-separated ids, `q`, `sort`, `order`; paging is ignored) and streams every matching invitation, read in keyset pages, so any number of rows works. Columns: `email, role, groups, language` (the CSV import's, groups separated by `; `), then `status, inviter, invited_at, expires_at, delivery`. UTF-8 with a byte-order mark, CRLF line ends; a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so spreadsheets do not run it as a formula.",
          parameters: [teamParameter, ...queryParameters(exportInvitationsQuerySchema)],
          responses: {
            "200": {
              description: "The CSV file, as an attachment",
              headers: rateLimitHeaders,
              content: { "text/csv": { schema: { type: "string" } } },
            },
            ...errorsFor("400", "404"),
          },
        },
      },
      "/teams/{team}/invitations/bulk": {
        post: {
          operationId: "bulkTeamInvitations",
          tags: ["Invitations"],
          summary:
            "Resend, withdraw or delete many invitations at once: by id, or all matching a filter (scope invitations:write)",
          description:
            "Each invitation goes through the same rules as its single operation (status, your role, per-invitation and per-recipient limits) and gets its own audit event; those it cannot act on are skipped with a reason (`results`, `skippedBy`). At most 1,000 invitations per request: a filter matching more is refused with 400. Bulk requests are also limited per member and team (30 an hour, 429).",
          parameters: [teamParameter],
          requestBody: { required: true, content: jsonContent(ref("BulkInvitations")) },
          responses: {
            "200": success("What was done and what was skipped", "BulkInvitationsResult"),
            ...errorsFor("400", "404", "413", "415", "503"),
          },
        },
      },
      "/teams/{team}/invitations/{id}": {
        get: {
          operationId: "getTeamInvitation",
          tags: ["Invitations"],
          summary: "One invitation of the team",
          parameters: [teamParameter, invitationParameter],
          responses: { "200": success("The invitation", "Invitation"), ...errorsFor("404") },
        },
        delete: {
          operationId: "deleteTeamInvitation",
          tags: ["Invitations"],
          summary: "Delete an invitation; a pending link stops working (scope invitations:write)",
          parameters: [teamParameter, invitationParameter],
          responses: { "204": success("Deleted"), ...errorsFor("404", "503") },
        },
      },
      "/teams/{team}/invitations/{id}/resend": {
        post: {
          operationId: "resendTeamInvitation",
          tags: ["Invitations"],
          summary:
            "Email the same link again with a fresh lifetime; earlier emails' links keep working (pending or expired only)",
          parameters: [teamParameter, invitationParameter],
          responses: {
            "200": success("The invitation after resending", "Invitation"),
            ...errorsFor("404", "409", "503"),
          },
        },
      },
      "/teams/{team}/invitations/{id}/reset-link": {
        post: {
          operationId: "resetTeamInvitationLink",
          tags: ["Invitations"],
          summary:
            "Replace the link with a new one and email it with a fresh lifetime; every earlier link stops working (pending or expired only)",
          parameters: [teamParameter, invitationParameter],
          responses: {
            "200": success("The invitation after its link was reset", "Invitation"),
            ...errorsFor("404", "409"),
          },
        },
      },
      "/teams/{team}/invitations/{id}/withdraw": {
        post: {
          operationId: "withdrawTeamInvitation",
          tags: ["Invitations"],
          summary: "Withdraw a pending invitation; its link stops working at once",
          parameters: [teamParameter, invitationParameter],
          responses: { "200": success("The withdrawn invitation", "Invitation"), ...errorsFor("404", "409", "503") },
        },
      },
      "/teams/{team}/join-requests": {
        get: {
          operationId: "listJoinRequests",
          tags: ["Join requests"],
          summary: "The team's pending join requests (members.manage): suggestions to invite and asks to join",
          parameters: [teamParameter],
          responses: { "200": success("Pending requests, newest first", "JoinRequestList"), ...errorsFor("404") },
        },
        post: {
          operationId: "suggestMember",
          tags: ["Join requests"],
          summary:
            "Suggest an address to invite; an admin approves it (any member whose role has api.access; scope invitations:write)",
          description:
            "Refused like an invite: an address outside the allowed domains (400), already a member or invited, or already waiting for an answer (409). Limited to 20 suggestions per member and team an hour (429).",
          parameters: [teamParameter],
          requestBody: { required: true, content: jsonContent(ref("SuggestMember")) },
          responses: {
            "201": success("The suggestion waits for an admin", "SuggestMemberResult"),
            ...errorsFor("400", "404", "409", "413", "415", "503"),
          },
        },
      },
      "/teams/{team}/join-requests/{id}/approve": {
        post: {
          operationId: "approveJoinRequest",
          tags: ["Join requests"],
          summary:
            "Approve a pending request (members.manage; scope invitations:write): a suggestion is invited as Member, an asker joins as Member",
          description:
            "Of two concurrent decisions exactly one wins; the other answers 409. A suggestion goes through the same checks and limits as creating an invitation; if the invite is refused (seat limit 422, a limit 429) the request stays pending. The requester is told by email.",
          parameters: [teamParameter, joinRequestParameter],
          responses: {
            "200": success("Approved", "ApproveJoinRequestResult"),
            ...errorsFor("404", "409", "422", "503"),
          },
        },
      },
      "/teams/{team}/join-requests/{id}/reject": {
        post: {
          operationId: "rejectJoinRequest",
          tags: ["Join requests"],
          summary:
            "Decline a pending request, with an optional reason the requester is told (members.manage; scope invitations:write)",
          parameters: [teamParameter, joinRequestParameter],
          requestBody: { required: false, content: jsonContent(ref("RejectJoinRequest")) },
          responses: { "204": success("Declined"), ...errorsFor("400", "404", "409", "413", "415", "503") },
        },
      },
      "/teams/{team}/webhooks": {
        get: {
          operationId: "listWebhookEndpoints",
          tags: ["Webhooks"],
          summary: "The team's webhook endpoints, without their secrets (scope webhooks:read)",
          parameters: [teamParameter],
          responses: { "200": success("The endpoints", "WebhookEndpointList"), ...webhookErrorsFor("404") },
        },
        post: {
          operationId: "createWebhookEndpoint",
          tags: ["Webhooks"],
          summary: "Add an endpoint; the answer holds its signing secret (scope webhooks:write)",
          description:
            "The URL must be https:// and reach a public address (a plain http:// URL to this machine only outside production).",
          parameters: [teamParameter],
          requestBody: { required: true, content: jsonContent(ref("CreateWebhookEndpoint")) },
          responses: {
            "201": success("The endpoint and its secret", "CreatedWebhookEndpoint"),
            ...webhookErrorsFor("400", "404", "413", "415", "422", "503"),
          },
        },
      },
      "/teams/{team}/webhooks/{id}": {
        get: {
          operationId: "getWebhookEndpoint",
          tags: ["Webhooks"],
          summary: "One endpoint (scope webhooks:read)",
          parameters: [teamParameter, webhookParameter],
          responses: { "200": success("The endpoint", "WebhookEndpoint"), ...webhookErrorsFor("404") },
        },
        patch: {
          operationId: "updateWebhookEndpoint",
          tags: ["Webhooks"],
          summary: "Change an endpoint's URL, description, events, or enable or disable it (scope webhooks:write)",
          description:
            "A disabled endpoint is sent nothing: events are not queued for it, and deliveries already queued wait until it is enabled again.",
          parameters: [teamParameter, webhookParameter],
          requestBody: { required: true, content: jsonContent(ref("UpdateWebhookEndpoint")) },
          responses: {
            "200": success("The endpoint after the change", "WebhookEndpoint"),
            ...webhookErrorsFor("400", "404", "413", "415", "503"),
          },
        },
        delete: {
          operationId: "deleteWebhookEndpoint",
          tags: ["Webhooks"],
          summary: "Delete an endpoint and its deliveries (scope webhooks:write)",
          parameters: [teamParameter, webhookParameter],
          responses: { "204": success("Deleted"), ...webhookErrorsFor("404", "503") },
        },
      },
      "/teams/{team}/webhooks/{id}/rotate-secret": {
        post: {
          operationId: "rotateWebhookSecret",
          tags: ["Webhooks"],
          summary: "Replace the signing secret; the old one also signs for 24 hours (scope webhooks:write)",
          parameters: [teamParameter, webhookParameter],
          responses: {
            "200": success("The new secret", "RotatedWebhookSecret"),
            ...webhookErrorsFor("404", "503"),
          },
        },
      },
      "/teams/{team}/webhooks/{id}/deliveries": {
        get: {
          operationId: "listWebhookDeliveries",
          tags: ["Webhooks"],
          summary: "An endpoint's deliveries, newest first, each with its attempts (scope webhooks:read)",
          parameters: [teamParameter, webhookParameter, ...queryParameters(deliveriesQuerySchema)],
          responses: {
            "200": success("A page of deliveries", "WebhookDeliveryPage"),
            ...webhookErrorsFor("400", "404"),
          },
        },
      },
      "/teams/{team}/webhook-deliveries/{id}/replay": {
        post: {
          operationId: "replayWebhookDelivery",
          tags: ["Webhooks"],
          summary: "Send a delivery again now, with the same webhook-id and body (scope webhooks:write)",
          parameters: [teamParameter, deliveryParameter],
          responses: {
            "202": success("Queued; the sender picks it up at once"),
            ...webhookErrorsFor("404", "409", "503"),
          },
        },
      },
      "/invite-links/join": {
        post: {
          operationId: "joinInviteLink",
          tags: ["Invite links"],
          summary: "Join a team through a shareable invite link, as the key's user (scope invitations:write)",
          description:
            "The token goes in the body, never in the path. Your address must be verified, and at the link's domain if it names one. Each join spends one use; of many racing joins on a link with N uses left, exactly N succeed and the rest answer 410. Already a member: 200 with `alreadyMember: true`, and no use is spent. Limited to 20 joins per account an hour (429).",
          requestBody: { required: true, content: jsonContent(ref("JoinInviteLink")) },
          responses: {
            "200": success("You are a member", "JoinInviteLinkResult"),
            ...errorsFor("400", "413", "415", "503"),
            "403": problemResponse(
              "The key lacks invitations:write; your address is not verified or not at the link's domain; or the link's creator can no longer grant its role",
            ),
            "404": problemResponse("No link has this token"),
            "409": problemResponse("You joined through another request at the same moment"),
            "410": problemResponse("The link was revoked, has expired, or has been used as many times as it allows"),
            "422": problemResponse("The team has no free seats (type .../limit-reached)"),
            "429": problemResponse(
              "Too many requests: this key's requests per minute, or your joins through links this hour",
              {
                "Retry-After": headerRef("Retry-After"),
              },
            ),
          },
        },
      },
      "/teams/{team}/invite-links": {
        get: {
          operationId: "listTeamInviteLinks",
          tags: ["Invite links"],
          summary: "A team's shareable invite links (members.manage), newest first; never their URLs",
          parameters: [teamParameter],
          responses: { "200": success("The team's links", "InviteLinkList"), ...errorsFor("404") },
        },
        post: {
          operationId: "createTeamInviteLink",
          tags: ["Invite links"],
          summary: "Create a shareable invite link (scope invitations:write)",
          description:
            "The role may not be above your own. `expiresInDays` is 1–30, `maxUses` 1–1,000; `allowedDomain` limits who may join to addresses at that exact domain. The URL is in this answer only: store it like a password. Limited to 30 links per member and team an hour (429).",
          parameters: [teamParameter],
          requestBody: { required: true, content: jsonContent(ref("CreateInviteLink")) },
          responses: {
            "201": success("The new link and its URL", "CreatedInviteLink"),
            ...errorsFor("400", "404", "413", "415", "503"),
          },
        },
      },
      "/teams/{team}/invite-links/{id}": {
        delete: {
          operationId: "revokeTeamInviteLink",
          tags: ["Invite links"],
          summary:
            "Revoke an invite link; it stops working at once and those who joined stay (scope invitations:write)",
          parameters: [teamParameter, inviteLinkParameter],
          responses: {
            "200": success("The revoked link", "InviteLink"),
            "409": problemResponse("The link was already revoked"),
            ...errorsFor("404", "503"),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A personal API key" } },
      headers: {
        "RateLimit-Policy": {
          description:
            'The quota: `"per-key";q=<requests>;w=<window seconds>` (IETF draft-ietf-httpapi-ratelimit-headers)',
          schema: { type: "string", examples: ['"per-key";q=600;w=60'] },
        },
        RateLimit: {
          description: 'What is left: `"per-key";r=<remaining>;t=<seconds until the window resets>`',
          schema: { type: "string", examples: ['"per-key";r=599;t=42'] },
        },
        "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 1 } },
      },
      schemas: {
        Invitation: schemaOf(apiInvitationSchema),
        InvitationPage: schemaOf(invitationPageSchema),
        CreateInvitations: schemaOf(createInvitationsBodySchema, "input"),
        InviteResult: schemaOf(inviteResultSchema),
        Decline: schemaOf(declineBodySchema, "input"),
        BulkInvitations: schemaOf(bulkInvitationsBodySchema, "input"),
        BulkInvitationsResult: schemaOf(bulkInvitationsResultSchema),
        AcceptResult: schemaOf(acceptResultSchema),
        JoinRequestList: schemaOf(joinRequestListSchema),
        SuggestMember: schemaOf(suggestMemberBodySchema, "input"),
        SuggestMemberResult: schemaOf(suggestMemberResultSchema),
        ApproveJoinRequestResult: schemaOf(approveJoinRequestResultSchema),
        RejectJoinRequest: schemaOf(rejectJoinRequestBodySchema, "input"),
        InviteLink: schemaOf(apiInviteLinkSchema),
        InviteLinkList: schemaOf(inviteLinkListSchema),
        CreateInviteLink: schemaOf(createInviteLinkBodySchema, "input"),
        CreatedInviteLink: schemaOf(createdInviteLinkSchema),
        JoinInviteLink: schemaOf(joinInviteLinkBodySchema, "input"),
        JoinInviteLinkResult: schemaOf(joinInviteLinkResultSchema),
        Problem: schemaOf(problemSchema),
        WebhookEndpoint: schemaOf(apiWebhookEndpointSchema),
        WebhookEndpointList: schemaOf(webhookEndpointListSchema),
        CreateWebhookEndpoint: schemaOf(createWebhookEndpointSchema, "input"),
        UpdateWebhookEndpoint: schemaOf(updateWebhookEndpointSchema, "input"),
        CreatedWebhookEndpoint: schemaOf(createdWebhookEndpointSchema),
        RotatedWebhookSecret: schemaOf(rotatedWebhookSecretSchema),
        WebhookDeliveryPage: schemaOf(webhookDeliveryPageSchema),
      },
    },
  };
}
