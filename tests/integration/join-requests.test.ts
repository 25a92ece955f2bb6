import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "";
});

const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");
const { suggestMember } = await import("@/lib/join-requests/suggest-member");
const { askToJoin } = await import("@/lib/join-requests/ask-to-join");
const { approveJoinRequest } = await import("@/lib/join-requests/approve-join-request");
const { rejectJoinRequest } = await import("@/lib/join-requests/reject-join-request");
const { listJoinRequests } = await import("@/lib/join-requests/list-join-requests");
const { listJoinableTeams } = await import("@/lib/join-requests/list-joinable-teams");
const { updateJoinPolicy } = await import("@/lib/teams/update-join-policy");
const { inviteMembers } = await import("@/lib/invitations/invite-members");

// Races run through a pool of separate connections on PostgreSQL (TEST_DATABASE_URL); PGlite
// serialises everything, and the same assertions must hold there too.
const { db, engine } = getTestDatabase();
type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;

async function openTeam(policy: "OFF" | "REQUEST" | "AUTO_JOIN", options: { seatLimit?: number } = {}) {
  const ctx = await createTeamWithMembers(db, { allowedDomains: ["acme.test"], ...options });
  expect(await updateJoinPolicy(asActor(ctx.owner), ctx.ref, { joinPolicy: policy })).toMatchObject({ ok: true });
  return ctx;
}

let counter = 0;
const address = (domain = "acme.test") => `person${++counter}-${Date.now()}@${domain}`;

async function suggested(ctx: Ctx, email = address()) {
  const result = await suggestMember(asActor(ctx.member), ctx.ref, { email, note: "Works with us on Q3" });
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

describe(`join requests (${engine})`, () => {
  it("any member may suggest; the rules of an invite apply, and one pending request per address", async () => {
    const ctx = await createTeamWithMembers(db, { allowedDomains: ["acme.test"] });
    const email = address();
    expect(await suggestMember(asActor(ctx.member), ctx.ref, { email })).toMatchObject({ ok: true });
    // The same address again, in another case: answered clearly, and nothing added.
    expect(await suggestMember(asActor(ctx.admin), ctx.ref, { email: email.toUpperCase() })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringContaining("already waiting"),
    });
    expect(await suggestMember(asActor(ctx.member), ctx.ref, { email: "x@other.test" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { email: [expect.stringContaining("acme.test")] },
    });
    expect(await suggestMember(asActor(ctx.member), ctx.ref, { email: "not an address" })).toMatchObject({
      ok: false,
      code: "INVALID",
    });
    const admin = await db.user.findUniqueOrThrow({ where: { id: ctx.admin.id } });
    await db.user.update({
      where: { id: admin.id },
      data: { emailCanonical: "admin@acme.test", email: "admin@acme.test" },
    });
    expect(await suggestMember(asActor(ctx.member), ctx.ref, { email: "Admin@acme.test" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringContaining("already a member"),
    });
    const invited = address();
    await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: invited, roleId: ctx.roles.member.id });
    expect(await suggestMember(asActor(ctx.member), ctx.ref, { email: invited })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringContaining("pending invitation"),
    });
    // Outsiders find no team; a member's suggestions are audited.
    const outsider = await createUser(db);
    expect(await suggestMember(asActor(outsider), ctx.ref, { email: address() })).toMatchObject({ code: "NOT_FOUND" });
    expect(await suggestMember(null, ctx.ref, { email: address() })).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.joinRequest.count({ where: { teamId: ctx.team.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { teamId: ctx.team.id, action: "join_request.suggested" } })).toBe(1);
  });

  it("only members.manage lists, approves and rejects; another team's request is not found", async () => {
    const ctx = await openTeam("REQUEST");
    const other = await openTeam("REQUEST");
    const id = await suggested(ctx);
    expect(await listJoinRequests(asActor(ctx.member), ctx.ref)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await approveJoinRequest(asActor(ctx.member), ctx.ref, id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rejectJoinRequest(asActor(ctx.member), ctx.ref, id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await approveJoinRequest(asActor(other.admin), other.ref, id)).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejectJoinRequest(asActor(other.admin), other.ref, "nope")).toMatchObject({ code: "NOT_FOUND" });
    const listed = await listJoinRequests(asActor(ctx.admin), ctx.ref);
    expect(listed).toMatchObject({
      ok: true,
      requests: [{ id, kind: "SUGGESTION", note: "Works with us on Q3", requester: { name: "Member" } }],
    });
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("an approved suggestion is invited through the invite path, and the suggester is told in their language", async () => {
    const ctx = await openTeam("OFF");
    await db.user.update({ where: { id: ctx.member.id }, data: { language: "fr" } });
    const email = address();
    const id = await suggested(ctx, email);
    expect(await approveJoinRequest(asActor(ctx.admin), ctx.ref, id)).toMatchObject({
      ok: true,
      kind: "SUGGESTION",
      outcome: "invited",
    });
    const invitation = await db.invitation.findFirstOrThrow({ where: { teamId: ctx.team.id, emailCanonical: email } });
    expect(invitation).toMatchObject({ status: "PENDING", inviterId: ctx.admin.id, language: "fr" });
    expect(await db.auditEvent.count({ where: { targetId: invitation.id, action: "invitation.created" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "join_request.approved" } })).toBe(1);
    // Deciding twice: the second answer says what happened.
    expect(await rejectJoinRequest(asActor(ctx.owner), ctx.ref, id)).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: "This request was already approved.",
    });

    await deliverQueuedEmails();
    const told = await db.mailboxMessage.findMany({ where: { to: ctx.member.email } });
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toContain("Votre suggestion");
    expect(told[0]!.text).toContain(email);
  });

  it("a suggestion the invite refuses (no free seat) waits again", async () => {
    const ctx = await openTeam("OFF", { seatLimit: 3 });
    const id = await suggested(ctx);
    const result = await approveJoinRequest(asActor(ctx.admin), ctx.ref, id);
    expect(result).toMatchObject({ ok: false, code: "LIMIT_REACHED" });
    expect(await db.joinRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      decidedById: null,
    });
    expect(await db.emailOutbox.count({ where: { joinRequestId: id } })).toBe(0);
  });

  it("asking needs a verified address on an allowed domain and a policy that is not off", async () => {
    const off = await openTeam("OFF");
    const request = await openTeam("REQUEST");
    const noDomains = await createTeamWithMembers(db);
    await updateJoinPolicy(asActor(noDomains.owner), noDomains.ref, { joinPolicy: "AUTO_JOIN" });
    const asker = await createUser(db, { email: address() });
    const unverified = await createUser(db, { email: address(), verified: false });
    const stranger = await createUser(db, { email: address("elsewhere.test") });

    expect(await askToJoin(asActor(unverified), request.ref)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await askToJoin(asActor(stranger), request.ref)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await askToJoin(asActor(asker), off.ref)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await askToJoin(asActor(asker), noDomains.ref)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await askToJoin(asActor(asker), { slug: "no-such-team" })).toMatchObject({ code: "NOT_FOUND" });
    expect(await askToJoin(null, request.ref)).toMatchObject({ code: "UNAUTHENTICATED" });

    // Discovery lists exactly the team open to this domain, and says when a request is waiting.
    const before = await listJoinableTeams(asker.id);
    expect(before.teams.filter((t) => [off, request, noDomains].some((c) => c.team.slug === t.slug))).toEqual([
      { slug: request.team.slug, name: request.team.name, policy: "REQUEST", requested: false },
    ]);
    expect(await listJoinableTeams(unverified.id)).toEqual({ verified: false, teams: [] });

    expect(await askToJoin(asActor(asker), request.ref, { note: "I'm on the design team" })).toMatchObject({
      ok: true,
      outcome: "requested",
    });
    expect(await askToJoin(asActor(asker), request.ref)).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringContaining("already waiting"),
    });
    const after = await listJoinableTeams(asker.id);
    expect(after.teams.find((t) => t.slug === request.team.slug)).toMatchObject({ requested: true });
    expect(await db.membership.count({ where: { teamId: request.team.id, userId: asker.id } })).toBe(0);
  });

  it("auto-join adds a Member at once, within the seat limit", async () => {
    const ctx = await openTeam("AUTO_JOIN", { seatLimit: 4 });
    const first = await createUser(db, { email: address() });
    const second = await createUser(db, { email: address() });
    expect(await askToJoin(asActor(first), ctx.ref)).toMatchObject({ ok: true, outcome: "joined" });
    const membership = await db.membership.findFirstOrThrow({
      where: { teamId: ctx.team.id, userId: first.id },
      select: { role: { select: { key: true } } },
    });
    expect(membership.role.key).toBe("member");
    const [joined] = await db.auditEvent.findMany({
      where: { teamId: ctx.team.id, action: "member.joined", actorId: first.id },
    });
    expect(joined!.metadata).toEqual({ email: first.email, role: "Member", via: "auto_join" });
    expect(await askToJoin(asActor(first), ctx.ref)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await askToJoin(asActor(second), ctx.ref)).toMatchObject({ ok: false, code: "LIMIT_REACHED" });
    expect(await db.membership.count({ where: { teamId: ctx.team.id } })).toBe(4);
  });

  it("an approved ask adds the member; a rejected one tells the asker why, in their language", async () => {
    const ctx = await openTeam("REQUEST");
    const asker = await createUser(db, { email: address() });
    const declined = await createUser(db, { email: address() });
    await db.user.update({ where: { id: declined.id }, data: { language: "fr" } });
    await askToJoin(asActor(asker), ctx.ref);
    await askToJoin(asActor(declined), ctx.ref);
    const requests = await listJoinRequests(asActor(ctx.admin), ctx.ref);
    if (!requests.ok) throw new Error(requests.error);
    const idOf = (email: string) => requests.requests.find((r) => r.email === email)!.id;

    expect(await approveJoinRequest(asActor(ctx.admin), ctx.ref, idOf(asker.email))).toMatchObject({
      ok: true,
      outcome: "joined",
    });
    expect(await db.membership.count({ where: { teamId: ctx.team.id, userId: asker.id } })).toBe(1);
    expect(
      await rejectJoinRequest(asActor(ctx.admin), ctx.ref, idOf(declined.email), {
        reason: "Contractors use <b>guest</b> access",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await db.auditEvent.count({ where: { targetId: idOf(declined.email), action: "join_request.rejected" } }),
    ).toBe(1);

    await deliverQueuedEmails();
    const [approvedEmail] = await db.mailboxMessage.findMany({ where: { to: asker.email } });
    expect(approvedEmail!.subject).toBe(`Your request to join ${ctx.team.name} was approved`);
    const [rejectedEmail] = await db.mailboxMessage.findMany({ where: { to: declined.email } });
    expect(rejectedEmail!.subject).toContain("a été refusée");
    // The reason is quoted as inert text: escaped in the HTML, never markup.
    expect(rejectedEmail!.text).toContain("Contractors use <b>guest<");
    expect(rejectedEmail!.html).toContain("&lt;b&gt;guest");
    expect(rejectedEmail!.html).not.toContain("<b>guest");
    // A decided request frees the address: they may ask again.
    expect(await askToJoin(asActor(declined), ctx.ref)).toMatchObject({ ok: true, outcome: "requested" });
  });

  it("an approved ask respects the seat limit", async () => {
    const ctx = await openTeam("REQUEST", { seatLimit: 3 });
    const asker = await createUser(db, { email: address() });
    await askToJoin(asActor(asker), ctx.ref);
    const request = await db.joinRequest.findFirstOrThrow({ where: { teamId: ctx.team.id } });
    expect(await approveJoinRequest(asActor(ctx.admin), ctx.ref, request.id)).toMatchObject({ code: "LIMIT_REACHED" });
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  it("only team.settings changes the policy, and the change is audited", async () => {
    const ctx = await createTeamWithMembers(db, { allowedDomains: ["acme.test"] });
    expect(await updateJoinPolicy(asActor(ctx.member), ctx.ref, { joinPolicy: "AUTO_JOIN" })).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await updateJoinPolicy(asActor(ctx.admin), ctx.ref, { joinPolicy: "SOMETIMES" })).toMatchObject({
      code: "INVALID",
    });
    expect(await updateJoinPolicy(asActor(ctx.admin), ctx.ref, { joinPolicy: "REQUEST" })).toMatchObject({
      ok: true,
      changed: true,
    });
    const [event] = await db.auditEvent.findMany({
      where: { teamId: ctx.team.id, action: "team.join_policy_changed" },
    });
    expect(event!.metadata).toEqual({ from: "OFF", to: "REQUEST" });
  });

  it("asking and suggesting are rate-limited", async () => {
    const ctx = await createTeamWithMembers(db, { allowedDomains: ["acme.test"] });
    const results = [];
    for (let i = 0; i < 21; i += 1)
      results.push(await suggestMember(asActor(ctx.member), ctx.ref, { email: address() }));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results[20]).toMatchObject({ ok: false, code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    expect(await db.joinRequest.count({ where: { teamId: ctx.team.id } })).toBe(20);
  });

  it("two admins approving at once: one outcome, no error (ask and suggestion, 10 rounds each)", async () => {
    const ctx = await openTeam("REQUEST");
    for (let round = 0; round < 10; round += 1) {
      const asker = await createUser(db, { email: address() });
      await askToJoin(asActor(asker), ctx.ref);
      const ask = await db.joinRequest.findFirstOrThrow({ where: { teamId: ctx.team.id, requesterId: asker.id } });
      const suggestion = await suggested(ctx);
      for (const id of [ask.id, suggestion]) {
        const results = await Promise.all([
          approveJoinRequest(asActor(ctx.admin), ctx.ref, id),
          approveJoinRequest(asActor(ctx.owner), ctx.ref, id),
          rejectJoinRequest(asActor(ctx.owner), ctx.ref, id),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        for (const result of results)
          if (!result.ok)
            expect(result).toMatchObject({
              code: "CONFLICT",
              error: expect.stringMatching(/^This request was already (approved|rejected)\.$/),
            });
        const decided = await db.joinRequest.findUniqueOrThrow({ where: { id } });
        const events = await db.auditEvent.count({
          where: { targetId: id, action: { in: ["join_request.approved", "join_request.rejected"] } },
        });
        expect(events).toBe(1);
        expect(await db.emailOutbox.count({ where: { joinRequestId: id } })).toBe(1);
        if (id === ask.id)
          expect(await db.membership.count({ where: { teamId: ctx.team.id, userId: asker.id } })).toBe(
            decided.status === "APPROVED" ? 1 : 0,
          );
        else
          expect(
            await db.invitation.count({ where: { teamId: ctx.team.id, emailCanonical: decided.emailCanonical } }),
          ).toBe(decided.status === "APPROVED" ? 1 : 0);
      }
    }
  }, 120_000);

  it("parallel asks of one person leave one pending request", async () => {
    const ctx = await openTeam("REQUEST");
    const asker = await createUser(db, { email: address() });
    const results = await Promise.all(Array.from({ length: 8 }, () => askToJoin(asActor(asker), ctx.ref)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const result of results) if (!result.ok) expect(result.code).toBe("CONFLICT");
    expect(await db.joinRequest.count({ where: { teamId: ctx.team.id, requesterId: asker.id } })).toBe(1);
  });
});
