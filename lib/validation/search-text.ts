import { z } from "zod";

// C0 controls and DEL: nothing anyone types into a search box. NUL would reach PostgreSQL as an
// error (text cannot hold it); the others could never match an address.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A table's search text from the URL: trimmed, capped, empty as absent, control characters refused. */
export const searchTextSchema = z
  .string()
  .trim()
  .max(254)
  .refine((value) => !CONTROL_CHARACTERS.test(value), "Search text cannot contain control characters")
  .optional()
  .transform((v) => v || undefined);
