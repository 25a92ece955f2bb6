"use client";

import "swagger-ui-dist/swagger-ui.css";
import "./swagger-reference.css";
import { useEffect, useRef, useState } from "react";

/** The element Swagger UI gives a deep link's tag (`#/Tag`) or operation (`#/Tag/operationId`). */
function deepLinkElementId(hash: string): string | null {
  const [tag, operationId] = hash
    .replace(/^#!?\/?/, "")
    .split("/")
    .map((part) => part.replace(/\s/g, "_"));
  if (!tag) return null;
  return operationId ? `operations-${tag}-${operationId}` : `operations-tag-${tag}`;
}

/**
 * The OpenAPI document rendered by Swagger UI (`swagger-ui-dist`), bundled with the app and served
 * from our own origin: Next.js loads the chunk with the response's nonce, so it runs under the
 * CSP's 'strict-dynamic' without 'unsafe-eval'. Swagger UI sets style attributes (syntax
 * highlighting, collapsing), which the policy's style-src 'unsafe-inline' already allows for Radix.
 * Its dark theme hangs on `html.dark-mode`, so the class follows the system's scheme like the
 * app's own colors do, and is removed when the page is left.
 */
export function SwaggerReference({ spec }: { spec: object }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    const root = document.documentElement;
    const dark = window.matchMedia("(prefers-color-scheme: dark)");
    const followScheme = () => root.classList.toggle("dark-mode", dark.matches);
    followScheme();
    dark.addEventListener("change", followScheme);

    let cancelled = false;
    let followHash: (() => void) | undefined;
    import("swagger-ui-dist/swagger-ui-es-bundle.js")
      .then(({ default: SwaggerUI }) => {
        if (cancelled || !container.current) return;
        const ui = SwaggerUI({
          domNode: container.current,
          spec,
          deepLinking: true,
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
          displayRequestDuration: true,
          persistAuthorization: false,
          // The public validator is another origin: no badge, no request.
          validatorUrl: null,
        });
        // Swagger UI reads the deep link only at load (and scrolls only to what mounts then); the
        // navigation changes it later, so expand the tag or operation, then bring it into view.
        followHash = () => {
          const hash = decodeURIComponent(window.location.hash);
          ui.layoutActions.parseDeepLinkHash(hash);
          const id = deepLinkElementId(hash);
          if (id) requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView({ block: "start" }));
        };
        window.addEventListener("hashchange", followHash);
        setState("ready");
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });

    return () => {
      cancelled = true;
      dark.removeEventListener("change", followScheme);
      if (followHash) window.removeEventListener("hashchange", followHash);
      root.classList.remove("dark-mode");
    };
  }, [spec]);

  return (
    <div aria-busy={state === "loading"}>
      {state === "loading" ? <p className="py-10 text-sm text-muted-foreground">Loading the API reference…</p> : null}
      {state === "failed" ? (
        <p role="alert" className="py-10 text-sm">
          The API reference could not be loaded. Reload the page, or read the{" "}
          <a href="/api/v1/openapi.json" className="underline underline-offset-4">
            OpenAPI document
          </a>
          .
        </p>
      ) : null}
      <div ref={container} className="api-reference" />
    </div>
  );
}
