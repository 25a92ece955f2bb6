import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import type { InviteLinkJoinDto } from "./invite-link-dto";
import { inviteLinkIdSchema } from "./invite-link-schemas";
import { readInviteLinkDtos } from "./read-invite-link-dtos";

/** One link with everyone who joined through it, first to last. */
export async function getInviteLink(actor: Actor | null, team: TeamRef, linkId: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const id = inviteLinkIdSchema.safeParse(linkId);
  if (!id.success) return fail("NOT_FOUND", "Invite link not found.");
  const [links, joins] = await Promise.all([
    readInviteLinkDtos(db, access.team.id, id.data),
    db.inviteLinkJoin.findMany({
      where: { inviteLinkId: id.data, inviteLink: { teamId: access.team.id } },
      orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  const link = links[0];
  if (!link) return fail("NOT_FOUND", "Invite link not found.");
  const joined: InviteLinkJoinDto[] = joins.map(({ joinedAt, user }) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    joinedAt,
  }));
  return { ok: true as const, link, joined };
}
