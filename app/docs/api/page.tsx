import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { connection } from "next/server";
import { ApiReferenceNav } from "@/components/api-docs/api-reference-nav";
import { SwaggerReference } from "@/components/api-docs/swagger-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { listApiOperations } from "@/lib/api/openapi/list-api-operations";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };

/**
 * The OpenAPI document the API serves (`/api/v1/openapi.json`), rendered by Swagger UI from our own
 * origin, with a navigation by tag and operation and a way back to the app. Rendered per request,
 * so the base URL is the running server's APP_URL rather than the one at build time.
 */
export default async function ApiReferencePage() {
  await connection();
  const document = buildOpenApiDocument(env.APP_URL);
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-10 border-b bg-background/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="inline-flex items-center gap-2 text-sm font-medium hover:underline">
            <ArrowLeft aria-hidden className="size-4" />
            Back to Teamgate
          </Link>
          <nav aria-label="API" className="flex items-center gap-4 text-sm">
            <Link href="/account/api-keys" className="hover:underline">
              API keys
            </Link>
            <a href="/api/v1/openapi.json" className="hover:underline">
              OpenAPI JSON
            </a>
          </nav>
        </div>
      </header>
      <div className="mx-auto max-w-7xl gap-8 px-4 py-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
        <aside className="mb-6 lg:mb-0">
          <ApiReferenceNav groups={listApiOperations(document)} />
        </aside>
        {/* Not a <main>: Swagger UI renders the page's <main> (its operations) inside this column. */}
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{document.info.title} reference</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Version {document.info.version} · OpenAPI {document.openapi}
          </p>
          <noscript>
            <p className="py-4 text-sm">
              The reference needs JavaScript. The{" "}
              <a href="/api/v1/openapi.json" className="underline underline-offset-4">
                OpenAPI document
              </a>{" "}
              describes the same API.
            </p>
          </noscript>
          <SwaggerReference spec={document} />
        </div>
      </div>
    </div>
  );
}
