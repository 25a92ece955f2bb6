import { describe, expect, it } from "vitest";
import { createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db, engine } = getTestDatabase();

describe("statements on PostgreSQL", () => {
  it(
    engine === "postgres"
      ? "are prepared once per connection, text searches excepted, under the default plan cache"
      : "run unprepared on the embedded database",
    async () => {
      const user = await createUser(db);
      const seen = await db.$transaction(async (tx) => {
        await tx.user.findUnique({ where: { id: user.id }, select: { id: true } });
        await tx.user.findUnique({ where: { id: user.id }, select: { id: true } });
        // A text search's best plan depends on the value (the trigram index, not the team's rows).
        await tx.invitation.findMany({ where: { emailCanonical: { contains: "needle" } }, select: { id: true } });
        const prepared = await tx.$queryRaw<
          Array<{ name: string; statement: string }>
        >`SELECT name, statement FROM pg_prepared_statements`;
        const [mode] = await tx.$queryRaw<Array<{ plan_cache_mode: string }>>`SHOW plan_cache_mode`;
        return { prepared, mode: mode!.plan_cache_mode };
      });
      const lookups = seen.prepared.filter((statement) => statement.statement.includes('FROM "public"."User"'));
      if (engine === "postgres") {
        expect(lookups).toHaveLength(1);
        expect(lookups[0]!.name).toMatch(/^tg_/);
        expect(seen.prepared.filter((statement) => statement.statement.includes("LIKE"))).toEqual([]);
        expect(seen.mode).toBe("auto");
      } else {
        expect(lookups).toEqual([]);
        expect(seen.mode).toBe("auto");
      }
    },
  );
});
