import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { encodeCursor, keysetOrderBy, keysetWhere, type KeysetSort } from "@/lib/db/keyset-cursor";
import type { InvitationRowReader } from "./read-invitation-dtos";

/** A row a keyset page can end on: its id and the value of the column it is sorted by. */
type PageRow = { id: string } & Partial<Record<KeysetSort["field"], Date | string>>;

/** One keyset page of invitations, in the reader's shape, and the cursor to the next (null on the last page). */
export async function readInvitationPage<R extends PageRow>(
  db: Pick<Db, "$queryRaw">,
  page: { where: Prisma.Sql; sort: KeysetSort; limit: number; after: { value: Date | string; id: string } | null },
  now: Date,
  read: InvitationRowReader<R>,
) {
  const rows = await read(
    db,
    {
      where: page.after ? Prisma.sql`${page.where} AND ${keysetWhere(page.sort, page.after)}` : page.where,
      orderBy: keysetOrderBy(page.sort),
      limit: page.limit + 1,
      sortField: page.sort.field,
    },
    now,
  );
  const invitations = rows.slice(0, page.limit);
  const last = invitations[invitations.length - 1];
  const lastValue = last?.[page.sort.field];
  const next = rows.length > page.limit && last && lastValue !== undefined ? encodeCursor(lastValue, last.id) : null;
  return { invitations, next };
}
