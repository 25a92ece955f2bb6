import "server-only";
import type { z } from "zod";
import { storableInput } from "@/lib/validation/storable-input";
import { zodFailure } from "@/lib/validation/zod-failure";
import { problemFromFailure } from "./problem";
import { readJsonBody } from "./read-json-body";

type Parsed<S extends z.ZodType> = { ok: true; value: z.output<S> } | { ok: false; response: Response };

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): Parsed<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = storableInput(schema).safeParse(params);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: problemFromFailure(zodFailure(parsed.error)) };
}

export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<S>> {
  const read = await readJsonBody(request);
  if (!read.ok) return read;
  const parsed = storableInput(schema).safeParse(read.body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: problemFromFailure(zodFailure(parsed.error)) };
}
