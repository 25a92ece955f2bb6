import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const listOrSuggest = await import("@/app/api/v1/teams/[team]/join-requests/route");
const approveRoute = await import("@/app/api/v1/teams/[team]/join-requests/[id]/approve/route");
const rejectRoute = await import("@/app/api/v1/teams/[team]/join-requests/[id]/reject/route");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");

const { db } = getTestDatabase();

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function call(
  handler: unknown,
  {
    key,
    method = "GET",
    body,
    params,
  }: { key: string; method?: string; body?: unknown; params: Record<string, string> },
) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${key}` } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  const response = await (handler as Handler)(new Request("http://localhost/api/v1/x", init), {
    params: Promise.resolve(params as never),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function keyFor(user: { id: string }, scopes: Array<"invitations:read" | "invitations:write">) {
  const created = await createApiKey(asActor(user), { name: "test", scopes });
  if (!created.ok) throw new Error(created.error);
  return created.key;
}

describe("join requests through the API", () => {
  it("suggest, list, approve, reject: statuses, problems and scopes", async () => {
    const ctx = await createTeamWithMembers(db, { allowedDomains: ["acme.test"] });
    const other = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin, ["invitations:read", "invitations:write"]);
    const readOnly = await keyFor(ctx.admin, ["invitations:read"]);
    const team = { team: ctx.team.slug };

    const first = await call(listOrSuggest.POST, {
      key,
      method: "POST",
      body: { email: "ada@acme.test" },
      params: team,
    });
    expect(first).toMatchObject({ status: 201, body: { email: "ada@acme.test" } });
    const second = await call(listOrSuggest.POST, {
      key,
      method: "POST",
      body: { email: "bo@acme.test", note: "Sales" },
      params: team,
    });
    expect(second.status).toBe(201);
    expect(
      await call(listOrSuggest.POST, { key, method: "POST", body: { email: "ada@acme.test" }, params: team }),
    ).toMatchObject({ status: 409 });
    expect(
      await call(listOrSuggest.POST, { key, method: "POST", body: { email: "x@else.test" }, params: team }),
    ).toMatchObject({ status: 400 });
    expect(await call(listOrSuggest.POST, { key, method: "POST", body: { mail: "x" }, params: team })).toMatchObject({
      status: 400,
    });
    expect(
      await call(listOrSuggest.POST, { key: readOnly, method: "POST", body: { email: "c@acme.test" }, params: team }),
    ).toMatchObject({ status: 403 });

    const list = await call(listOrSuggest.GET, { key: readOnly, params: team });
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: { email: string }) => r.email)).toEqual(["bo@acme.test", "ada@acme.test"]);
    expect(list.body.data[0]).toMatchObject({ kind: "SUGGESTION", note: "Sales", requester: { name: "Admin" } });

    const id = first.body.id;
    expect(await call(approveRoute.POST, { key, method: "POST", params: { team: other.team.slug, id } })).toMatchObject(
      { status: 404 },
    );
    expect(await call(approveRoute.POST, { key, method: "POST", params: { ...team, id: randomUUID() } })).toMatchObject(
      { status: 404 },
    );
    expect(await call(approveRoute.POST, { key, method: "POST", params: { ...team, id } })).toMatchObject({
      status: 200,
      body: { kind: "SUGGESTION", outcome: "invited", email: "ada@acme.test" },
    });
    expect(await call(approveRoute.POST, { key, method: "POST", params: { ...team, id } })).toMatchObject({
      status: 409,
    });
    expect(await db.invitation.count({ where: { teamId: ctx.team.id, emailCanonical: "ada@acme.test" } })).toBe(1);

    const rejectParams = { ...team, id: second.body.id };
    expect(
      await call(rejectRoute.POST, { key, method: "POST", body: { reason: 7 }, params: rejectParams }),
    ).toMatchObject({ status: 400 });
    expect(
      await call(rejectRoute.POST, { key, method: "POST", body: { reason: "Not now" }, params: rejectParams }),
    ).toMatchObject({ status: 204 });
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: second.body.id } })).rejectReason).toBe("Not now");
  });
});
