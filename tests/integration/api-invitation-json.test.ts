import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiInvitationPageJson, readApiInvitations } from "@/lib/api/read-api-invitations";
import { apiInvitationSchema } from "@/lib/api/schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InvitationDto } from "@/lib/invitations/invitation-dto";
import { readInvitationDtos } from "@/lib/invitations/read-invitation-dtos";
import { createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db } = getTestDatabase();

/** The public Invitation object as the API documents it, from the same row read as the pages read it. */
function expectedApiInvitation(dto: InvitationDto) {
  return {
    id: dto.id,
    created: dto.createdAt.toISOString(),
    lastModified: dto.updatedAt.toISOString(),
    status: dto.status,
    email: dto.email,
    role: { id: dto.role.id, key: dto.role.key, name: dto.role.name },
    groups: dto.groups,
    language: dto.language,
    expires: dto.expiresAt.toISOString(),
    delivery: { status: dto.delivery.status, lastError: dto.delivery.error },
    creator: dto.inviter,
    team: dto.team,
  };
}

describe("the API's Invitation object, built by PostgreSQL", () => {
  it("is what the page's row says, in toISOString's format, for every status and edge of a row", async () => {
    const ctx = await createTeamWithMembers(db);
    const gone = await createUser(db, { name: "Gone" });
    const day = 86_400_000;
    const make = (data: Partial<Prisma.InvitationUncheckedCreateInput> & { email: string }) =>
      db.invitation.create({
        data: {
          teamId: ctx.team.id,
          emailCanonical: data.email.toLowerCase(),
          pendingKey: (data.status ?? "PENDING") === "PENDING" ? data.email.toLowerCase() : null,
          roleId: ctx.roles.member.id,
          inviterId: ctx.admin.id,
          expiresAt: new Date(Date.now() + day),
          tokenHash: randomBytes(32).toString("hex"),
          tokenSealed: "v1.x.y.z",
          ...data,
        },
      });
    const pending = await make({ email: "Pending@Example.com", language: "fr", roleId: ctx.roles.admin.id });
    await db.invitationGroup.createMany({
      data: ctx.groups.map((group) => ({ invitationId: pending.id, groupId: group.id })),
    });
    const expired = await make({ email: "expired@example.com", expiresAt: new Date(Date.now() - day) });
    const accepted = await make({ email: "accepted@example.com", status: "ACCEPTED", respondedAt: new Date() });
    const orphan = await make({
      email: "ünïcode@example.com",
      status: "WITHDRAWN",
      inviterId: gone.id,
      deliveryStatus: "FAILED",
      deliveryError: 'Mailbox "full" \\ ✉\nretry later',
    });
    await db.user.delete({ where: { id: gone.id } });
    // The columns keep milliseconds (a microsecond value is rounded on write); whole seconds keep ".000".
    await db.$executeRaw`UPDATE "Invitation" SET "createdAt" = '2026-01-02 03:04:05.678901+00', "updatedAt" = '2026-01-02 03:04:05+00' WHERE "id" = ${accepted.id}::uuid`;

    const now = new Date();
    const page = {
      where: Prisma.sql`i."teamId" = ${ctx.team.id}::uuid`,
      orderBy: Prisma.sql`i."emailCanonical" ASC, i."id" ASC`,
      limit: 10,
      sortField: "emailCanonical" as const,
    };
    const dtos = await readInvitationDtos(db, page, now);
    const rows = await readApiInvitations(db, page, now);

    expect(rows.map((row) => row.id)).toEqual(dtos.map((dto) => dto.id));
    expect(rows.map((row) => row.emailCanonical)).toEqual(dtos.map((dto) => dto.emailCanonical));
    // A time a cursor is made of reads as encodeCursor writes it.
    const byCreated = await readApiInvitations(db, { ...page, sortField: "createdAt" }, now);
    expect(byCreated.map((row) => row.createdAt)).toEqual(dtos.map((dto) => dto.createdAt.toISOString()));
    const objects = rows.map((row) => JSON.parse(row.json) as unknown);
    expect(objects).toEqual(dtos.map(expectedApiInvitation));
    for (const object of objects) expect(apiInvitationSchema.safeParse(object).success).toBe(true);

    const byId = new Map(objects.map((object) => [(object as { id: string }).id, object]));
    expect(byId.get(pending.id)).toMatchObject({
      status: "PENDING",
      role: { key: "admin" },
      groups: [{ name: "Engineering" }, { name: "Sales" }],
    });
    expect(byId.get(expired.id)).toMatchObject({ status: "EXPIRED" });
    expect(byId.get(accepted.id)).toMatchObject({
      status: "ACCEPTED",
      created: "2026-01-02T03:04:05.679Z",
      lastModified: "2026-01-02T03:04:05.000Z",
    });
    expect(byId.get(orphan.id)).toMatchObject({
      creator: null,
      delivery: { status: "FAILED", lastError: 'Mailbox "full" \\ ✉\nretry later' },
    });

    expect(JSON.parse(apiInvitationPageJson(rows.slice(0, 2), "next-cursor"))).toEqual({
      data: objects.slice(0, 2),
      next: "next-cursor",
    });
    expect(JSON.parse(apiInvitationPageJson([], null))).toEqual({ data: [], next: null });
  });
});
