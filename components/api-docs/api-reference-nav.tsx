import type { ApiOperation } from "@/lib/api/openapi/list-api-operations";
import { MethodBadge } from "./method-badge";

type Groups = Array<{ tag: string; operations: ApiOperation[] }>;

function NavList({ groups, schemaNames }: { groups: Groups; schemaNames: string[] }) {
  return (
    <div className="space-y-5 text-sm">
      <a href="#introduction" className="block font-medium hover:underline">
        Introduction
      </a>
      {groups.map(({ tag, operations }) => (
        <div key={tag} className="space-y-1">
          <a href={`#tag-${tag}`} className="block font-medium hover:underline">
            {tag}
          </a>
          <ul className="space-y-1">
            {operations.map((operation) => (
              <li key={operation.operationId}>
                <a
                  href={`#${operation.operationId}`}
                  className="flex items-start gap-2 rounded-md px-1 py-1 text-muted-foreground hover:bg-accent hover:text-foreground"
                >
                  <MethodBadge method={operation.method} />
                  <span className="min-w-0 break-words">{operation.summary.replace(/ \(scope [^)]+\)$/, "")}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="space-y-1">
        <a href="#schemas" className="block font-medium hover:underline">
          Schemas
        </a>
        <ul className="space-y-1">
          {schemaNames.map((name) => (
            <li key={name}>
              <a
                href={`#schema-${name}`}
                className="block rounded-md px-1 py-0.5 font-mono text-xs text-muted-foreground hover:bg-accent hover:text-foreground"
              >
                {name}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Navigation by tag and operation: a sticky sidebar on wide screens, a disclosure above the content on narrow ones. */
export function ApiReferenceNav({ groups, schemaNames }: { groups: Groups; schemaNames: string[] }) {
  return (
    <>
      <details className="rounded-lg border p-3 lg:hidden">
        <summary className="cursor-pointer text-sm font-medium">Operations</summary>
        <nav aria-label="API reference" className="mt-3">
          <NavList groups={groups} schemaNames={schemaNames} />
        </nav>
      </details>
      <nav
        aria-label="API reference"
        className="sticky top-20 hidden max-h-[calc(100dvh-6rem)] overflow-y-auto pb-6 lg:block"
      >
        <NavList groups={groups} schemaNames={schemaNames} />
      </nav>
    </>
  );
}
