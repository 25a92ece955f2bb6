import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Failure } from "@/lib/result";
import { storableInput } from "@/lib/validation/storable-input";
import { zodFailure } from "@/lib/validation/zod-failure";
import type { ActionResult } from "./action-result";
import { getSessionActor } from "./session-actor";

/**
 * The shape of every server action: parse the raw input with zod, hand the session's actor
 * to one data-layer call (which authorizes and writes), revalidate on success, and return
 * the result as a value. A crafted POST gets exactly the same checks as the UI.
 */
export async function runAction<S extends z.ZodType, T extends object>(
  schema: S,
  rawInput: unknown,
  call: (actor: Actor | null, input: z.output<S>) => Promise<({ ok: true } & T) | Failure>,
  revalidate?: (input: z.output<S>) => string | string[],
): Promise<ActionResult<T>> {
  const parsed = storableInput(schema).safeParse(rawInput);
  if (!parsed.success) return zodFailure(parsed.error);
  const result = await call(await getSessionActor(), parsed.data);
  if (result.ok && revalidate) {
    const paths = revalidate(parsed.data);
    for (const path of Array.isArray(paths) ? paths : [paths]) revalidatePath(path);
  }
  return result;
}
