import type { ApiOperation } from "@/lib/api/openapi/list-api-operations";
import { InlineCode } from "./inline-code";
import { MethodBadge } from "./method-badge";

/** One operation: what it does, its parameters, body and answers, and a curl line to start from. */
export function ApiOperationSection({ operation, baseUrl }: { operation: ApiOperation; baseUrl: string }) {
  const titleId = `${operation.operationId}-title`;
  const curl = `curl -X ${operation.method.toUpperCase()} '${baseUrl}${operation.path}' \\\n  -H 'Authorization: Bearer tg_live_…'${
    operation.requestBody ? " \\\n  -H 'Content-Type: application/json' -d '{…}'" : ""
  }`;
  return (
    <section
      id={operation.operationId}
      aria-labelledby={titleId}
      className="scroll-mt-20 space-y-4 rounded-lg border p-4 sm:p-5"
    >
      <div className="space-y-2">
        <h3 id={titleId} className="text-base font-semibold break-words">
          <InlineCode text={operation.summary} />
        </h3>
        <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
          <MethodBadge method={operation.method} />
          <span className="min-w-0 break-all">{operation.path}</span>
        </p>
        {operation.description ? (
          <p className="text-sm text-muted-foreground">
            <InlineCode text={operation.description} />
          </p>
        ) : null}
      </div>

      {operation.parameters.length > 0 ? (
        <div className="space-y-2">
          <h4 className="text-sm font-medium">Parameters</h4>
          <ul className="divide-y rounded-md border text-sm">
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`} className="space-y-1 px-3 py-2">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <code className="font-mono font-medium">{parameter.name}</code>
                  <span className="text-xs text-muted-foreground">
                    {parameter.in}
                    {parameter.required ? " · required" : ""}
                  </span>
                </p>
                {parameter.description ? (
                  <p className="text-muted-foreground">
                    <InlineCode text={parameter.description} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {operation.requestBody ? (
        <div className="space-y-1">
          <h4 className="text-sm font-medium">Request body</h4>
          <p className="text-sm">
            {operation.requestBody.schemaName ? (
              <a
                href={`#schema-${operation.requestBody.schemaName}`}
                className="font-mono underline underline-offset-4"
              >
                {operation.requestBody.schemaName}
              </a>
            ) : null}{" "}
            <span className="text-muted-foreground">
              application/json{operation.requestBody.required ? "" : ", optional"}
            </span>
          </p>
        </div>
      ) : null}

      <div className="space-y-2">
        <h4 className="text-sm font-medium">Responses</h4>
        <ul className="divide-y rounded-md border text-sm">
          {operation.responses.map((response) => (
            <li key={response.status} className="flex gap-3 px-3 py-2">
              <code className="w-9 shrink-0 font-mono font-medium">{response.status}</code>
              <span className="min-w-0 text-muted-foreground">
                <InlineCode text={response.description} />
                {response.headers.includes("Retry-After") ? (
                  <span className="block text-xs">Sets Retry-After.</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </div>

      <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs">
        <code>{curl}</code>
      </pre>
    </section>
  );
}
