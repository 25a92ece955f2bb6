import "server-only";
import { z } from "zod";
import { MAX_BODY_BYTES } from "../read-json-body";
import {
  acceptResultSchema,
  apiInvitationSchema,
  createInvitationsBodySchema,
  declineBodySchema,
  invitationListSchema,
  invitationPageSchema,
  inviteResultSchema,
  pageQuerySchema,
  problemSchema,
  teamInvitationsQuerySchema,
} from "../schemas";

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 speaks) from the zod schema the handler validates with. */
function schemaOf(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
  void _dialect;
  return rest;
}

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    const json = schemaOf(fieldSchema, "input");
    return { name, in: "query", required: !fieldSchema.safeParse(undefined).success, description: json.description, schema: json };
  });
}

const pathParameter = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const teamParameter = pathParameter("team", "Team id or slug");
const invitationParameter = pathParameter("id", "Invitation id (UUID)");

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: JsonSchema) => ({ "application/json": { schema } });
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

const commonErrors = {
  "400": problemResponse("Invalid parameters or body; `errors` lists field errors"),
  "401": problemResponse("Missing, unknown, expired or revoked API key"),
  "403": problemResponse("The key lacks the scope, or its user lacks the permission"),
  "429": problemResponse("Rate limited; see Retry-After"),
};
const notFound = { "404": problemResponse("No such team or invitation for this caller (another team's resources answer 404)") };
const bodyErrors = {
  "413": problemResponse(`Body larger than ${MAX_BODY_BYTES} bytes`),
  "415": problemResponse("Body is not application/json"),
};
const stateErrors = { "409": problemResponse("The invitation is no longer pending"), "410": problemResponse("The invitation expired, was used or withdrawn") };

export function buildOpenApiDocument(serverUrl: string) {
  const read = [{ bearerAuth: [] }];
  return {
    openapi: "3.1.0",
    info: {
      title: "Teamgate API",
      version: "1.0.0",
      description:
        "Invite people to teams and follow their invitations. Authenticate with a personal API key (`Authorization: Bearer tg_live_…`) created under Account → API keys. A key acts as its user, narrowed by its scopes. Errors are RFC 9457 problem details. Every response carries RateLimit headers.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: read,
    tags: [{ name: "Invitations" }],
    paths: {
      "/invitations/sent": {
        get: {
          operationId: "listSentInvitations",
          tags: ["Invitations"],
          summary: "Invitations you created, in every team where you can still manage members",
          parameters: queryParameters(pageQuerySchema),
          responses: { "200": { description: "A page of invitations", content: jsonContent(ref("InvitationPage")) }, ...commonErrors },
        },
      },
      "/invitations/received": {
        get: {
          operationId: "listReceivedInvitations",
          tags: ["Invitations"],
          summary: "Pending invitations addressed to your email",
          responses: { "200": { description: "Your pending invitations", content: jsonContent(ref("InvitationList")) }, ...commonErrors },
        },
      },
      "/invitations/{id}/accept": {
        post: {
          operationId: "acceptInvitation",
          tags: ["Invitations"],
          summary: "Accept one of your received invitations (scope invitations:write)",
          parameters: [invitationParameter],
          responses: { "200": { description: "You are a member", content: jsonContent(ref("AcceptResult")) }, ...commonErrors, ...notFound, ...stateErrors },
        },
      },
      "/invitations/{id}/decline": {
        post: {
          operationId: "declineInvitation",
          tags: ["Invitations"],
          summary: "Decline one of your received invitations (scope invitations:write)",
          parameters: [invitationParameter],
          requestBody: { required: false, content: jsonContent(ref("Decline")) },
          responses: { "204": { description: "Declined" }, ...commonErrors, ...bodyErrors, ...notFound, ...stateErrors },
        },
      },
      "/teams/{team}/invitations": {
        get: {
          operationId: "listTeamInvitations",
          tags: ["Invitations"],
          summary: "A team's invitations (members.manage), filtered, sorted and cursor-paginated",
          parameters: [teamParameter, ...queryParameters(teamInvitationsQuerySchema)],
          responses: { "200": { description: "A page of invitations", content: jsonContent(ref("InvitationPage")) }, ...commonErrors, ...notFound },
        },
        post: {
          operationId: "createInvitations",
          tags: ["Invitations"],
          summary: "Invite one or more addresses (scope invitations:write)",
          parameters: [teamParameter],
          requestBody: { required: true, content: jsonContent(ref("CreateInvitations")) },
          responses: {
            "201": { description: "At least one invitation was created", content: jsonContent(ref("InviteResult")) },
            "200": { description: "Nothing was created; every address was skipped (see results)", content: jsonContent(ref("InviteResult")) },
            ...commonErrors,
            ...bodyErrors,
            ...notFound,
            "422": problemResponse("The team's seat limit would be exceeded"),
          },
        },
      },
      "/teams/{team}/invitations/{id}": {
        get: {
          operationId: "getTeamInvitation",
          tags: ["Invitations"],
          summary: "One invitation of the team",
          parameters: [teamParameter, invitationParameter],
          responses: { "200": { description: "The invitation", content: jsonContent(ref("Invitation")) }, ...commonErrors, ...notFound },
        },
        delete: {
          operationId: "deleteTeamInvitation",
          tags: ["Invitations"],
          summary: "Delete an invitation; a pending link stops working (scope invitations:write)",
          parameters: [teamParameter, invitationParameter],
          responses: { "204": { description: "Deleted" }, ...commonErrors, ...notFound },
        },
      },
      "/teams/{team}/invitations/{id}/resend": {
        post: {
          operationId: "resendTeamInvitation",
          tags: ["Invitations"],
          summary: "Send again with a new link and a fresh lifetime (pending or expired only)",
          parameters: [teamParameter, invitationParameter],
          responses: { "200": { description: "The invitation after resending", content: jsonContent(ref("Invitation")) }, ...commonErrors, ...notFound, ...stateErrors },
        },
      },
      "/teams/{team}/invitations/{id}/withdraw": {
        post: {
          operationId: "withdrawTeamInvitation",
          tags: ["Invitations"],
          summary: "Withdraw a pending invitation; its link stops working at once",
          parameters: [teamParameter, invitationParameter],
          responses: { "200": { description: "The withdrawn invitation", content: jsonContent(ref("Invitation")) }, ...commonErrors, ...notFound, ...stateErrors },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A personal API key" } },
      schemas: {
        Invitation: schemaOf(apiInvitationSchema),
        InvitationPage: schemaOf(invitationPageSchema),
        InvitationList: schemaOf(invitationListSchema),
        CreateInvitations: schemaOf(createInvitationsBodySchema, "input"),
        InviteResult: schemaOf(inviteResultSchema),
        Decline: schemaOf(declineBodySchema, "input"),
        AcceptResult: schemaOf(acceptResultSchema),
        Problem: schemaOf(problemSchema),
      },
    },
  };
}
