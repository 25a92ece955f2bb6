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
    expect(groups.map((group) => group.tag)).toEqual(["Invitations", "Invite links", "Join requests", "Webhooks"]);
    expect(groups.flatMap((group) => group.operations.map((operation) => operation.operationId)).sort()).toEqual(
      [...ids].sort(),
    );
  });

  it("keeps what the navigation shows and links to: method, path, summary, operation id", () => {
    const create = groups[0]!.operations.find((operation) => operation.operationId === "createInvitations")!;
    expect(create).toEqual({
      method: "post",
      path: "/teams/{team}/invitations",
      operationId: "createInvitations",
      tag: "Invitations",
      summary: "Invite one or more addresses (scope invitations:write)",
    });
  });

  it("puts untagged operations under Swagger UI's default tag, after the document's tags", () => {
    const groups = listApiOperations({
      tags: [{ name: "B" }],
      paths: {
        "/x": { get: { operationId: "x", summary: "X" } },
        "/y": { post: { operationId: "y", summary: "Y", tags: ["B"] } },
      },
    });
    expect(groups.map((group) => [group.tag, group.operations.map((operation) => operation.operationId)])).toEqual([
      ["B", ["y"]],
      ["default", ["x"]],
    ]);
  });
});
