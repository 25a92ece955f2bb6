import { publicApiRoute } from "@/lib/api/api-handler";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { env } from "@/lib/env";

export const GET = publicApiRoute(() => Response.json(buildOpenApiDocument(env.APP_URL)));
