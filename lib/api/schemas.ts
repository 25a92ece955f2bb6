import "server-only";
import { z } from "zod";
import { splitEmailList } from "@/lib/email/parse-email";
import { decodeCursor, type KeysetSort } from "@/lib/db/keyset-cursor";
import { LANGUAGE_CODES } from "@/lib/invitations/languages";
import { BULK_INVITATION_ACTIONS, bulkInvitationSchema } from "@/lib/invitations/bulk-invitation-schemas";
import {
  invitationListQuerySchema,
  invitationMessageSchema,
  MAX_ADDRESSES_PER_REQUEST,
} from "@/lib/invitations/schemas";
import { BULK_SKIP_REASONS } from "@/lib/invitations/tally-bulk-outcomes";
import { INVITATION_STATUSES } from "@/lib/invitations/status";
import { storableDateSchema } from "@/lib/validation/storable-date";
import { createInviteLinkSchema } from "@/lib/invite-links/invite-link-schemas";
import { INVITE_LINK_STATUSES } from "@/lib/invite-links/invite-link-status";
import { MAX_LISTED_INVITE_LINKS } from "@/lib/invite-links/read-invite-link-dtos";

/** The API's request and response shapes: handlers validate with these, and the OpenAPI document is generated from them. */

export const apiInvitationSchema = z.object({
  id: z.uuid(),
  created: z.iso.datetime(),
  lastModified: z.iso.datetime(),
  status: z.enum(INVITATION_STATUSES),
  email: z.string(),
  role: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  groups: z.array(z.object({ id: z.uuid(), name: z.string() })),
  language: z.string(),
  expires: z.iso.datetime(),
  delivery: z.object({
    status: z.enum(["QUEUED", "SENT", "DELIVERED", "BOUNCED", "COMPLAINED", "FAILED"]),
    lastError: z.string().nullable(),
  }),
  creator: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  team: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
});

export const invitationPageSchema = z.object({
  data: z.array(apiInvitationSchema),
  next: z.string().nullable().describe("Cursor for the next page; null on the last page"),
});

const csvOf = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").filter(Boolean) : []))
    .pipe(z.array(item).max(20));

export const SORTS = ["created", "-created", "email", "-email", "expires", "-expires"] as const;

/**
 * A cursor is opaque to clients but decoded on the server: its value must be one PostgreSQL can
 * compare (a text without NUL, a date with a four-digit year), or the query would fail as a 500.
 */
function checkCursor(cursor: string | undefined, field: KeysetSort["field"], ctx: z.RefinementCtx) {
  if (cursor === undefined) return;
  const after = decodeCursor(cursor, { field, order: "desc" });
  const storable =
    after &&
    (after.value instanceof Date ? storableDateSchema.safeParse(after.value).success : !after.value.includes("\u0000"));
  if (!storable)
    ctx.addIssue({ code: "custom", path: ["cursor"], message: "The cursor is not valid; start again without it" });
}

export const teamInvitationsQuerySchema = z
  .strictObject({
    status: csvOf(z.enum(INVITATION_STATUSES)).describe("Comma-separated statuses"),
    role: csvOf(z.string().max(64)).describe("Comma-separated role ids or keys"),
    q: z.string().trim().max(254).optional().describe("Text to find in the email address"),
    sort: z.enum(SORTS).default("-created"),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  })
  .superRefine((query, ctx) =>
    checkCursor(query.cursor, query.sort.endsWith("email") ? "emailCanonical" : "createdAt", ctx),
  );

export const pageQuerySchema = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  })
  .superRefine((query, ctx) => checkCursor(query.cursor, "createdAt", ctx));

/** In the API one element is one address: splitting a pasted list belongs to the UI's textarea. */
const oneAddressSchema = z
  .string()
  .max(320)
  .superRefine((value, ctx) => {
    const entries = splitEmailList(value).length;
    if (entries !== 1)
      ctx.addIssue({
        code: "custom",
        message:
          entries === 0
            ? "Must be an email address"
            : `Must be one email address, not ${entries}: send each as its own element`,
      });
  });

/** The CSV export's query: the invitations table's URL state, whose paging it ignores (documented here; the data layer parses it). */
export const exportInvitationsQuerySchema = invitationListQuerySchema.omit({ page: true, perPage: true });

export const createInvitationsBodySchema = z.strictObject({
  emails: z.array(oneAddressSchema).min(1).max(MAX_ADDRESSES_PER_REQUEST),
  role: z.string().min(1).max(64).describe("Role id or key (owner, admin, member)"),
  groups: z.array(z.string().min(1).max(64)).max(50).optional().describe("Group ids or names"),
  language: z.enum(LANGUAGE_CODES).optional(),
  message: invitationMessageSchema.describe(
    "A personal note (plain text, at most 500 characters) shown in the email and on the invitation page; links are defused",
  ),
});

export const inviteResultSchema = z.object({
  summary: z.string(),
  counts: z.object({
    invited: z.int(),
    skipped: z.int(),
    alreadyMember: z.int(),
    alreadyInvited: z.int(),
    invalid: z.int(),
    domainNotAllowed: z.int(),
  }),
  results: z.array(
    z.object({
      input: z.string(),
      email: z.string().optional(),
      outcome: z.enum(["invited", "already_member", "already_invited", "duplicate", "invalid", "domain_not_allowed"]),
      reason: z.string().optional(),
      invitationId: z.uuid().optional(),
    }),
  ),
});

export const declineBodySchema = z.strictObject({ reason: z.string().max(500).optional() });

export const acceptResultSchema = z.object({
  invitationId: z.uuid(),
  team: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  role: z.object({ name: z.string() }),
  alreadyMember: z.boolean(),
});

/** The UI's own schema: ids, or the list's filter fields (statuses, role ids, inviter ids, search text). */
export const bulkInvitationsBodySchema = bulkInvitationSchema.describe(
  "`target` is either `{ ids }` (at most 100) or `{ filter }`, every invitation matching the list's filter (at most 1,000; more is refused with 400)",
);

export const bulkInvitationsResultSchema = z.object({
  action: z.enum(BULK_INVITATION_ACTIONS),
  summary: z.string().describe('One sentence, e.g. "18 resent, 2 skipped: already accepted"'),
  matched: z.int(),
  done: z.int(),
  skipped: z.int(),
  skippedBy: z.partialRecord(z.enum(BULK_SKIP_REASONS), z.int()),
  results: z.array(
    z.object({
      id: z.uuid(),
      outcome: z.enum(["done", "skipped"]),
      reason: z.enum(BULK_SKIP_REASONS).optional(),
    }),
  ),
});

export const joinRequestSchema = z.object({
  id: z.uuid(),
  kind: z
    .enum(["SUGGESTION", "ASK"])
    .describe("SUGGESTION: a member suggests inviting the address; ASK: the person asked to join for themselves"),
  email: z.string(),
  note: z.string().nullable(),
  requester: z.object({ name: z.string(), email: z.string() }).nullable(),
  created: z.iso.datetime(),
});

export const joinRequestListSchema = z.object({
  data: z.array(joinRequestSchema).describe("Pending requests, newest first (at most 200)"),
});

export const suggestMemberBodySchema = z.strictObject({
  email: z.string().max(320),
  note: z.string().max(500).optional(),
});

export const suggestMemberResultSchema = z.object({ id: z.uuid(), email: z.string() });

export const rejectJoinRequestBodySchema = z.strictObject({
  reason: z.string().max(500).optional().describe("Told to the requester in the email"),
});

export const approveJoinRequestResultSchema = z.object({
  kind: z.enum(["SUGGESTION", "ASK"]),
  outcome: z
    .enum(["invited", "joined"])
    .describe("invited: a suggestion became an invitation; joined: the asker is a member"),
  email: z.string(),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

/** Invite links: the data layer's own body schema (role id or key, domain, uses, lifetime), and what a link looks like. */
export const createInviteLinkBodySchema = createInviteLinkSchema;

export const apiInviteLinkSchema = z.object({
  id: z.uuid(),
  role: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  allowedDomain: z.string().nullable().describe("Only addresses at this domain may join; null admits any"),
  uses: z.int(),
  maxUses: z.int(),
  status: z.enum(INVITE_LINK_STATUSES),
  created: z.iso.datetime(),
  expires: z.iso.datetime(),
  revoked: z.iso.datetime().nullable(),
  creator: z.object({ name: z.string(), email: z.string() }).nullable(),
});

export const inviteLinkListSchema = z.object({
  data: z.array(apiInviteLinkSchema).describe(`Newest first, at most ${MAX_LISTED_INVITE_LINKS}`),
});

export const createdInviteLinkSchema = z.object({
  link: apiInviteLinkSchema,
  url: z.string().describe("The link to share. Only its hash is stored for lookups; keep it like a password."),
});

export const joinInviteLinkBodySchema = z.strictObject({
  token: z
    .string()
    .min(1)
    .max(200)
    .describe("The link's token: what follows /join/ in its URL (sent in the body so it stays out of access logs)"),
});

export const joinInviteLinkResultSchema = z.object({
  team: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  role: z.object({ name: z.string() }),
  alreadyMember: z.boolean().describe("true: you were already a member; no use of the link was spent"),
});
