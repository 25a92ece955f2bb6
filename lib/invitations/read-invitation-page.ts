import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { encodeCursor, keysetOrderBy, keysetWhere, type KeysetSort } from "@/lib/db/keyset-cursor";
import { readInvitationDtos } from "./read-invitation-dtos";

/** One keyset page of invitations and the cursor to the next (null on the last page). */
export async function readInvitationPage(
  db: Pick<Db, "$queryRaw">,
  page: { where: Prisma.Sql; sort: KeysetSort; limit: number; after: { value: Date | string; id: string } | null },
  now: Date,
) {
  const rows = await readInvitationDtos(
    db,
    {
      where: page.after ? Prisma.sql`${page.where} AND ${keysetWhere(page.sort, page.after)}` : page.where,
      orderBy: keysetOrderBy(page.sort),
      limit: page.limit + 1,
    },
    now,
  );
  const invitations = rows.slice(0, page.limit);
  const last = invitations[invitations.length - 1];
  const next = rows.length > page.limit && last ? encodeCursor(last[page.sort.field], last.id) : null;
  return { invitations, next };
}
