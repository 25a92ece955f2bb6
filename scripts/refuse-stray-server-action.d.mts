import type { IncomingMessage, ServerResponse } from "node:http";

type RouteManifest = {
  basePath?: string;
  staticRoutes: Array<{ page: string; regex: string }>;
  dynamicRoutes: Array<{ page: string; regex: string }>;
};
type ActionManifest = Record<string, { workers?: Record<string, unknown> }>;

export function refusalFor(actionId: string): { status: 400 | 409; body: string };
export function createPageResolver(
  routesManifest: RouteManifest,
  appPathRoutes: Record<string, string>,
): (pathname: string) => string | null;
export function createStrayActionGuard(
  distDir: string,
): (request: IncomingMessage, response: ServerResponse) => boolean;
export function refuseStrayAction(
  request: IncomingMessage,
  response: ServerResponse,
  context: { actions: ActionManifest; resolvePage: (pathname: string) => string | null },
): boolean;
