import type { z } from "zod";
import { fail, type Failure } from "@/lib/result";

/** A zod error as our failure value: a sentence plus field errors keyed by path. */
export function zodFailure(error: z.ZodError): Failure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  return fail("INVALID", `${where}${first?.message ?? "Invalid input"}`, { fieldErrors });
}
