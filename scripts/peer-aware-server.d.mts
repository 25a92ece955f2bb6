import type { IncomingMessage, Server, ServerResponse } from "node:http";

export function createPeerAwareServer(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown,
  options?: { refuseStrayAction?: (request: IncomingMessage, response: ServerResponse) => boolean },
): Server;
