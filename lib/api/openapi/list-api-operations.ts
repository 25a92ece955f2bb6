/** What the reference page reads of one operation in the OpenAPI document. */
export type ApiOperation = {
  method: string;
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  parameters: Array<{ name: string; in: string; required: boolean; description?: string }>;
  requestBody?: { required?: boolean; schemaName?: string };
  responses: Array<{ status: string; description: string; headers: string[] }>;
};

type RawOperation = {
  operationId: string;
  tags?: string[];
  summary: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required: boolean; description?: string }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
};

/**
 * The document's operations grouped by their first tag, in the document's tag order and, within a
 * tag, path order; each with only what a reader needs.
 */
export function listApiOperations(document: { tags?: Array<{ name: string }>; paths: Record<string, unknown> }) {
  const operations: ApiOperation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, RawOperation>).map(([method, operation]) => ({
      method,
      path,
      operationId: operation.operationId,
      tag: operation.tags?.[0] ?? "Other",
      summary: operation.summary,
      description: operation.description,
      parameters: operation.parameters ?? [],
      requestBody: operation.requestBody
        ? {
            required: operation.requestBody.required,
            schemaName: operation.requestBody.content["application/json"]?.schema.$ref?.split("/").pop(),
          }
        : undefined,
      responses: Object.entries(operation.responses)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, response]) => ({
          status,
          description: response.description,
          headers: Object.keys(response.headers ?? {}),
        })),
    })),
  );
  const tagOrder = [...(document.tags ?? []).map((tag) => tag.name), ...operations.map((operation) => operation.tag)];
  const tags = [...new Set(tagOrder)];
  return tags
    .map((tag) => ({ tag, operations: operations.filter((operation) => operation.tag === tag) }))
    .filter((group) => group.operations.length > 0);
}
