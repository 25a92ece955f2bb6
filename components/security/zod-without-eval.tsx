import { headers } from "next/headers";

/**
 * Zod compiles object parsers with `new Function` where it may, and probes for that when a schema
 * is built; under our CSP (no eval) the probe is reported as a violation. Zod reads its settings
 * from `globalThis.__zod_globalConfig`, so this script, the first in the document and carrying
 * the response's nonce, switches the browser's Zod to its interpreter before any module runs.
 * The server keeps the compiled parsers.
 */
export async function ZodWithoutEval() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <script
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{
        __html: "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true})",
      }}
    />
  );
}
