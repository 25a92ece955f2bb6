import { z } from "zod";
import { storableInput } from "@/lib/validation/storable-input";

/** The members table's URL state, parsed on the server. */
export const memberListQuerySchema = storableInput(
  z.object({
    q: z
      .string()
      .trim()
      .max(254)
      .optional()
      .transform((v) => v || undefined),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    perPage: z.coerce
      .number()
      .int()
      .refine((n) => [10, 20, 50, 100].includes(n), "Must be 10, 20, 50 or 100")
      .default(50),
  }),
);
export type MemberListQuery = z.output<typeof memberListQuerySchema>;
