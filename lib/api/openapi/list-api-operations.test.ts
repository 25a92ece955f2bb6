import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";
import { listApiOperations } from "./list-api-operations";

describe("listApiOperations", () => {
  const document = buildOpenApiDocument("https://teamgate.example.com");
  const groups = listApiOperations(document);

  it("lists every operation of the document once, under its tag", () => {
    const ids = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods as Record<string, { operationId: string }>).map((operation) => operation.operationId),
    );
    expect(groups.map((group) => group.tag)).toEqual(["Invitations"]);
    expect(groups.flatMap((group) => group.operations.map((operation) => operation.operationId)).sort()).toEqual(
      [...ids].sort(),
    );
  });

  it("keeps what a reader needs: body schema, responses in order, the headers a response sets", () => {
    const create = groups[0]!.operations.find((operation) => operation.operationId === "createInvitations")!;
    expect(create).toMatchObject({
      method: "post",
      path: "/teams/{team}/invitations",
      requestBody: { required: true, schemaName: "CreateInvitations" },
    });
    expect(create.responses.map((response) => response.status)).toEqual([
      "200",
      "201",
      "400",
      "401",
      "403",
      "404",
      "413",
      "415",
      "422",
      "429",
      "500",
      "503",
    ]);
    expect(create.responses.find((response) => response.status === "503")!.headers).toContain("Retry-After");
    expect(create.parameters.map((parameter) => parameter.name)).toEqual(["team"]);
  });
});
