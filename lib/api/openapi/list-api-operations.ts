/** What the reference page's navigation reads of one operation in the OpenAPI document. */
export type ApiOperation = {
  method: string;
  path: string;
  operationId: string;
  tag: string;
  summary: string;
};

type RawOperation = { operationId: string; tags?: string[]; summary: string };

/**
 * The document's operations grouped by their first tag, in the document's tag order and, within a
 * tag, path order; each with only what the navigation shows.
 */
export function listApiOperations(document: { tags?: Array<{ name: string }>; paths: Record<string, unknown> }) {
  const operations: ApiOperation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, RawOperation>).map(([method, operation]) => ({
      method,
      path,
      operationId: operation.operationId,
      tag: operation.tags?.[0] ?? "default",
      summary: operation.summary,
    })),
  );
  const tagOrder = [...(document.tags ?? []).map((tag) => tag.name), ...operations.map((operation) => operation.tag)];
  const tags = [...new Set(tagOrder)];
  return tags
    .map((tag) => ({ tag, operations: operations.filter((operation) => operation.tag === tag) }))
    .filter((group) => group.operations.length > 0);
}
