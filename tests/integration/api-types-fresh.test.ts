import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderApiTypes } from "@/scripts/render-api-types";

describe("generated API client types", () => {
  it("match the live OpenAPI document (run `npm run api:types` after changing the API)", async () => {
    expect(readFileSync("e2e/api/openapi-types.ts", "utf8")).toBe(await renderApiTypes());
  });
});
