import type { ApiOperation } from "@/lib/api/openapi/list-api-operations";
import { MethodBadge } from "./method-badge";

type Groups = Array<{ tag: string; operations: ApiOperation[] }>;

/** Swagger UI's deep link to a tag or an operation (its `createDeepLinkPath`: spaces as %20). */
const deepLink = (...parts: string[]) => `#/${parts.map((part) => part.trim().replace(/\s/g, "%20")).join("/")}`;

function NavList({ groups }: { groups: Groups }) {
  return (
    <div className="space-y-5 text-sm">
      {groups.map(({ tag, operations }) => (
        <div key={tag} className="space-y-1">
          <a href={deepLink(tag)} className="block font-medium hover:underline">
            {tag}
          </a>
          <ul className="space-y-1">
            {operations.map((operation) => (
              <li key={operation.operationId}>
                <a
                  href={deepLink(tag, operation.operationId)}
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
    </div>
  );
}

/**
 * Navigation by tag and operation into Swagger UI's deep links: a sticky sidebar on wide screens,
 * a disclosure above the reference on narrow ones.
 */
export function ApiReferenceNav({ groups }: { groups: Groups }) {
  return (
    <>
      <details className="rounded-lg border p-3 lg:hidden">
        <summary className="cursor-pointer text-sm font-medium">Operations</summary>
        <nav aria-label="API reference" className="mt-3">
          <NavList groups={groups} />
        </nav>
      </details>
      <nav
        aria-label="API reference"
        className="sticky top-20 hidden max-h-[calc(100dvh-6rem)] overflow-y-auto pb-6 lg:block"
      >
        <NavList groups={groups} />
      </nav>
    </>
  );
}
