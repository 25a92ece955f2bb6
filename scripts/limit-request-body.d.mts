import type { IncomingMessage, ServerResponse } from "node:http";

export function bodyLimitFor(pathname: string): number;
export function refuseOversizedBody(request: IncomingMessage, response: ServerResponse): boolean;
