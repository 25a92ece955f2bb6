import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { env } from "@/lib/env";

export function GET() {
  return Response.json(buildOpenApiDocument(env.APP_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}
