import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { connection } from "next/server";
import { ApiOperationSection } from "@/components/api-docs/api-operation-section";
import { ApiReferenceNav } from "@/components/api-docs/api-reference-nav";
import { InlineCode } from "@/components/api-docs/inline-code";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { listApiOperations } from "@/lib/api/openapi/list-api-operations";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };

/**
 * A readable reference rendered on the server from the same OpenAPI document the API serves
 * (`/api/v1/openapi.json`): no script and nothing from another origin. Rendered per request, so
 * the base URL is the running server's APP_URL rather than the one at build time.
 */
export default async function ApiReferencePage() {
  await connection();
  const document = buildOpenApiDocument(env.APP_URL);
  const base = document.servers[0]!.url;
  const groups = listApiOperations(document);
  const schemaNames = Object.keys(document.components.schemas);
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-10 border-b bg-background/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
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
      <div className="mx-auto max-w-6xl gap-10 px-4 py-6 lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside className="mb-6 lg:mb-0">
          <ApiReferenceNav groups={groups} schemaNames={schemaNames} />
        </aside>
        <main className="min-w-0 space-y-10">
          <section id="introduction" aria-labelledby="introduction-title" className="scroll-mt-20 space-y-3">
            <h1 id="introduction-title" className="text-2xl font-semibold tracking-tight">
              {document.info.title} reference
            </h1>
            <p className="text-sm text-muted-foreground">
              <InlineCode text={document.info.description} />
            </p>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
              <dt className="font-medium">Base URL</dt>
              <dd className="min-w-0 break-all font-mono">{base}</dd>
              <dt className="font-medium">Version</dt>
              <dd>
                {document.info.version} (OpenAPI {document.openapi})
              </dd>
            </dl>
          </section>
          {groups.map(({ tag, operations }) => (
            <section
              key={tag}
              id={`tag-${tag}`}
              aria-labelledby={`tag-${tag}-title`}
              className="scroll-mt-20 space-y-4"
            >
              <h2 id={`tag-${tag}-title`} className="text-lg font-semibold">
                {tag}
              </h2>
              {operations.map((operation) => (
                <ApiOperationSection key={operation.operationId} operation={operation} baseUrl={base} />
              ))}
            </section>
          ))}
          <section id="schemas" aria-labelledby="schemas-title" className="scroll-mt-20 space-y-2">
            <h2 id="schemas-title" className="text-lg font-semibold">
              Schemas
            </h2>
            {Object.entries(document.components.schemas).map(([name, schema]) => (
              <details key={name} id={`schema-${name}`} className="scroll-mt-20 rounded-lg border p-3">
                <summary className="cursor-pointer font-mono text-sm">{name}</summary>
                <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(schema, null, 2)}</pre>
              </details>
            ))}
          </section>
        </main>
      </div>
    </div>
  );
}
