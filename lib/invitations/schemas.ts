import { z } from "zod";
import { splitEmailList } from "@/lib/email/parse-email";
import { LANGUAGE_CODES } from "./languages";
import { MAX_IMPORT_BYTES } from "./parse-invitation-csv";
import { INVITATION_STATUSES } from "./status";
import { searchTextSchema } from "@/lib/validation/search-text";
import { uuidSchema } from "@/lib/validation/uuid";

export const MAX_ADDRESSES_PER_REQUEST = 500;

const uuid = z.uuid({ version: "v4", message: "Must be a valid id" });

/** Accepts a pasted list (one string) or an array of addresses. */
export const emailListSchema = z
  .union([z.string().max(100_000), z.array(z.string().max(1000)).max(MAX_ADDRESSES_PER_REQUEST * 2)])
  .transform((value) => (Array.isArray(value) ? value.flatMap(splitEmailList) : splitEmailList(value)))
  .pipe(
    z
      .array(z.string())
      .min(1, "Enter at least one email address")
      .max(MAX_ADDRESSES_PER_REQUEST, `At most ${MAX_ADDRESSES_PER_REQUEST} addresses per request`),
  );

export const MAX_INVITATION_MESSAGE_LENGTH = 500;

/** The inviter's personal note: plain text, capped; blank means none. */
export const invitationMessageSchema = z
  .string()
  .trim()
  .max(MAX_INVITATION_MESSAGE_LENGTH, `Keep the message under ${MAX_INVITATION_MESSAGE_LENGTH} characters`)
  .optional()
  .transform((value) => value || undefined);

export const inviteMembersSchema = z.strictObject({
  emails: emailListSchema,
  roleId: uuidSchema,
  groupIds: z.array(uuidSchema).max(50).default([]),
  language: z.enum(LANGUAGE_CODES).default("en"),
  message: invitationMessageSchema,
});

/** Starting (or previewing) a CSV import: the file's text, and the defaults for rows that leave a cell empty. */
export const invitationImportSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  csv: z.string().max(MAX_IMPORT_BYTES, "The file is too large"),
  roleId: uuidSchema,
  language: z.enum(LANGUAGE_CODES).default("en"),
  message: invitationMessageSchema,
});

export const updateInvitationSchema = z.strictObject({
  roleId: uuidSchema.optional(),
  groupIds: z.array(uuidSchema).max(50).optional(),
  language: z.enum(LANGUAGE_CODES).optional(),
});

export const invitationIdSchema = uuid;

export const INVITATION_SORT_KEYS = [
  "email",
  "status",
  "role",
  "inviter",
  "createdAt",
  "expiresAt",
  "delivery",
  "updatedAt",
  "id",
] as const;
export type InvitationSortKey = (typeof INVITATION_SORT_KEYS)[number];

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      value === undefined ? [] : (Array.isArray(value) ? value : value.split(",")).filter(Boolean),
    )
    .pipe(z.array(item).max(50));

/** The table's URL state and the API's query, parsed and whitelisted on the server. */
export const invitationListQuerySchema = z.object({
  status: csv(z.enum(INVITATION_STATUSES)),
  role: csv(uuidSchema),
  inviter: csv(uuidSchema),
  q: searchTextSchema,
  sort: z.enum(INVITATION_SORT_KEYS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce
    .number()
    .int()
    .refine((n) => [10, 20, 50, 100].includes(n), "Must be 10, 20, 50 or 100")
    .default(20),
});
export type InvitationListQuery = z.output<typeof invitationListQuerySchema>;

export const declineInvitationSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .max(500, "Keep the reason under 500 characters")
    .optional()
    .transform((v) => v || undefined),
});
