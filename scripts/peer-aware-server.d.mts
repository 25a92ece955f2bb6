import type { IncomingMessage, Server, ServerResponse } from "node:http";

export function createPeerAwareServer(handle: (request: IncomingMessage, response: ServerResponse) => unknown): Server;
