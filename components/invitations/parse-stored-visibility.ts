import { z } from "zod";

const storedSchema = z.record(z.string(), z.boolean());

/** What the browser remembered, or nothing when it is missing or not ours (hand-edited, an older format). */
export function parseStoredVisibility(raw: string | null): Record<string, boolean> {
  if (!raw) return {};
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
