// Regenerates e2e/api/openapi-types.ts from the OpenAPI document with openapi-typescript.
import { writeFileSync } from "node:fs";
import { renderApiTypes } from "./render-api-types";

writeFileSync("e2e/api/openapi-types.ts", await renderApiTypes());
console.log("Wrote e2e/api/openapi-types.ts");
