import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Badge } from "@/components/ui/badge";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  operationId: string;
  summary: string;
  parameters?: Array<{ name: string; in: string; required: boolean; description?: string }>;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string }>;
};

/**
 * A readable reference rendered from the same OpenAPI document the API serves. Rendered per
 * request, so the base URL is the running server's APP_URL rather than the one at build time.
 */
export default async function ApiReferencePage() {
  await connection();
  const document = buildOpenApiDocument(env.APP_URL);
  const base = document.servers[0]!.url;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <main className="mx-auto max-w-4xl space-y-8 p-4 sm:p-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{document.info.title}</h1>
        <p className="text-muted-foreground">{document.info.description}</p>
        <p className="text-sm">
          Base URL <code>{base}</code> · <Link href="/api/v1/openapi.json" className="underline underline-offset-4">OpenAPI 3.1 document</Link> ·{" "}
          <Link href="/account/api-keys" className="underline underline-offset-4">Create an API key</Link>
        </p>
      </header>
      {operations.map(({ path, method, operation }) => (
        <section key={operation.operationId} id={operation.operationId} className="space-y-3 rounded-lg border p-4" aria-labelledby={`${operation.operationId}-title`}>
          <h2 id={`${operation.operationId}-title`} className="flex flex-wrap items-center gap-2 font-mono text-sm">
            <Badge variant={method === "get" ? "secondary" : method === "delete" ? "destructive" : "default"}>{method.toUpperCase()}</Badge>
            {path}
          </h2>
          <p>{operation.summary}</p>
          {operation.parameters?.length ? (
            <div>
              <h3 className="text-sm font-medium">Parameters</h3>
              <ul className="list-disc pl-5 text-sm">
                {operation.parameters.map((parameter) => (
                  <li key={`${parameter.in}-${parameter.name}`}>
                    <code>{parameter.name}</code> ({parameter.in}
                    {parameter.required ? ", required" : ""}){parameter.description ? ` — ${parameter.description}` : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {operation.requestBody ? (
            <p className="text-sm">
              Body: <code>{operation.requestBody.content["application/json"]?.schema.$ref?.split("/").pop()}</code> (application/json)
            </p>
          ) : null}
          <div>
            <h3 className="text-sm font-medium">Responses</h3>
            <ul className="text-sm">
              {Object.entries(operation.responses).map(([status, response]) => (
                <li key={status}>
                  <code>{status}</code> {response.description}
                </li>
              ))}
            </ul>
          </div>
          <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs">
            {`curl -X ${method.toUpperCase()} '${base}${path}' \\\n  -H 'Authorization: Bearer tg_live_…'${operation.requestBody ? " \\\n  -H 'Content-Type: application/json' -d '{…}'" : ""}`}
          </pre>
        </section>
      ))}
      <section className="space-y-2" aria-labelledby="schemas-title">
        <h2 id="schemas-title" className="text-lg font-semibold">Schemas</h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <details key={name} className="rounded-lg border p-3">
            <summary className="cursor-pointer font-mono text-sm">{name}</summary>
            <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}
      </section>
    </main>
  );
}
