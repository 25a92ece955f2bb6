import { z } from "zod";

const NUL = "\u0000";

/** The path of the first string (value or key) holding a NUL, which PostgreSQL text cannot store; null when there is none. */
function findNul(input: unknown): PropertyKey[] | null {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const pending: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === "string") {
      if (value.includes(NUL)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL)) return [...path, key];
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * Any client input (action arguments, query strings, JSON bodies, path segments) before its own
 * schema: a NUL anywhere is refused as a field error, once, instead of reaching PostgreSQL and
 * coming back as a 500. Use as `storableInput(schema)`.
 */
export function storableInput<S extends z.ZodType>(schema: S) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      const path = findNul(value);
      if (path)
        ctx.addIssue({
          code: "custom",
          path,
          message: "Must not contain NUL characters",
        });
    })
    .pipe(schema);
}
