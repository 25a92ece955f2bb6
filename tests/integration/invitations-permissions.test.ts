import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { deleteInvitation } from "@/lib/invitations/delete-invitation";
import { getInvitationLink } from "@/lib/invitations/get-invitation-link";
import { getTeamInvitation } from "@/lib/invitations/get-team-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { listTeamInvitationsByOffset } from "@/lib/invitations/list-team-invitations-by-offset";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { resetInvitationLink } from "@/lib/invitations/reset-invitation-link";
import { updateInvitation } from "@/lib/invitations/update-invitation";
import { withdrawInvitation } from "@/lib/invitations/withdraw-invitation";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db } = getTestDatabase();

type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;
type Operation = (
  actor: Actor | null,
  team: TeamRef,
  invitationId: string,
  ctx: Ctx,
) => Promise<{ ok: boolean; code?: string }>;

const operations: Record<string, Operation> = {
  list: (actor, team) => listTeamInvitationsByOffset(actor, team, {}),
  details: (actor, team, id) => getTeamInvitation(actor, team, id),
  invite: (actor, team, _id, ctx) =>
    inviteMembers(actor, team, { emails: `matrix-new-${randomUUID()}@example.com`, roleId: ctx.roles.member.id }),
  resend: (actor, team, id) => resendInvitation(actor, team, id),
  resetLink: (actor, team, id) => resetInvitationLink(actor, team, id),
  withdraw: (actor, team, id) => withdrawInvitation(actor, team, id),
  edit: (actor, team, id) => updateInvitation(actor, team, id, { language: "fr" }),
  delete: (actor, team, id) => deleteInvitation(actor, team, id),
  copyLink: (actor, team, id) => getInvitationLink(actor, team, id),
};

const callers = ["owner", "admin", "member", "outsider", "signed-out", "other-team-admin"] as const;
const expected: Record<(typeof callers)[number], string> = {
  owner: "ok",
  admin: "ok",
  member: "FORBIDDEN",
  outsider: "NOT_FOUND",
  "signed-out": "UNAUTHENTICATED",
  "other-team-admin": "NOT_FOUND",
};

async function snapshot(teamId: string) {
  return db.invitation.findMany({
    where: { teamId },
    orderBy: { id: "asc" },
    select: { id: true, status: true, language: true, tokenHash: true, sendCount: true, expiresAt: true, roleId: true },
  });
}

describe("permission matrix: every operation × caller", () => {
  for (const [name, operation] of Object.entries(operations)) {
    for (const caller of callers) {
      // Naming their own team, another team's admin sees only their own list, and cannot
      // use this team's role: a cross-team id is simply unknown.
      const outcome =
        caller === "other-team-admin" && name === "list"
          ? "ok"
          : caller === "other-team-admin" && name === "invite"
            ? "INVALID"
            : expected[caller];
      it(`${name} as ${caller} → ${outcome}`, async () => {
        const ctx = await createTeamWithMembers(db);
        const other = await createTeamWithMembers(db);
        const outsider = await createUser(db);
        // A fresh address per case: one address may only receive so many invitations an hour.
        const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, {
          emails: `matrix-${randomUUID()}@example.com`,
          roleId: ctx.roles.member.id,
        });
        const invitationId = invited.ok ? invited.results[0]!.invitationId! : "";
        const before = await snapshot(ctx.team.id);
        const auditBefore = await db.auditEvent.count({ where: { teamId: ctx.team.id } });

        const actors: Record<(typeof callers)[number], [Actor | null, TeamRef]> = {
          owner: [asActor(ctx.owner), ctx.ref],
          admin: [asActor(ctx.admin), ctx.ref],
          member: [asActor(ctx.member), ctx.ref],
          outsider: [asActor(outsider), ctx.ref],
          "signed-out": [null, ctx.ref],
          // An admin of another team naming their own team but this team's invitation id.
          "other-team-admin": [asActor(other.admin), other.ref],
        };
        const [actor, team] = actors[caller];
        const result = await operation(actor, team, invitationId, ctx);

        if (outcome === "ok") {
          expect(result.ok).toBe(true);
          if (caller === "other-team-admin") expect(JSON.stringify(result)).not.toContain(invitationId);
        } else {
          expect(result).toMatchObject({ ok: false, code: outcome });
          expect(await snapshot(ctx.team.id)).toEqual(before);
          expect(await snapshot(other.team.id)).toEqual([]);
          expect(await db.auditEvent.count({ where: { teamId: ctx.team.id } })).toBe(auditBefore);
        }
      });
    }
  }

  it("an admin cannot touch an invitation that grants a role above their own", async () => {
    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.owner), ctx.ref, {
      emails: "owner-to-be@example.com",
      roleId: ctx.roles.owner.id,
    });
    const id = invited.ok ? invited.results[0]!.invitationId! : "";
    for (const operation of [
      resendInvitation,
      resetInvitationLink,
      withdrawInvitation,
      deleteInvitation,
      getInvitationLink,
    ]) {
      expect(await operation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await withdrawInvitation(asActor(ctx.owner), ctx.ref, id)).toMatchObject({ ok: true });
  });
});
