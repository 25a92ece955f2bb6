import { z } from "zod";
import { storableInput } from "@/lib/validation/storable-input";
import { uuidSchema } from "@/lib/validation/uuid";
import { AUDIT_ACTIONS } from "./audit-actions";

const cursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a cursor")
  .optional();

/**
 * The activity log's URL state, parsed on the server: kinds (audit actions, comma-separated),
 * one person (the actor), and a keyset cursor: `after` pages to older events, `before` to newer.
 */
export const activityQuerySchema = storableInput(
  z.object({
    kind: z
      .string()
      .optional()
      .transform((value) => (value ? value.split(",").filter(Boolean) : []))
      .pipe(z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length)),
    person: uuidSchema.optional(),
    after: cursor,
    before: cursor,
    perPage: z.coerce
      .number()
      .int()
      .refine((n) => [10, 20, 50, 100].includes(n), "Must be 10, 20, 50 or 100")
      .default(20),
  }),
);
export type ActivityQuery = z.output<typeof activityQuerySchema>;
