"use client";

import { z } from "zod";

// Zod compiles parsers with `new Function` where it may; in the browser our CSP forbids eval, and
// Zod's probe for it is reported as a violation. The server keeps the compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

/** Rendered once in the root layout so this module runs in the browser before any parse. */
export function ZodWithoutEval() {
  return null;
}
