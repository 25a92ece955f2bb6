import { describe, expect, it } from "vitest";
import { jsonObjectSql, jsonPlainStringSql, jsonValueSql } from "@/lib/db/json-text-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { getTestDatabase } from "../helpers/test-database";

const { db, engine } = getTestDatabase();

const awkward = `quote " backslash \\ newline \n tab \t bell \u0007 apostrophe ' ünïcode 😀 </script>`;

describe(`JSON text built in SQL (${engine})`, () => {
  it("parses to what json_build_object makes of the same values, escapes included, in the order given", async () => {
    const id = "0b6f2c1e-5d4a-4b8e-9c3f-2a1d7e6f5b40";
    const object = jsonObjectSql({
      id: jsonPlainStringSql(Prisma.sql`${id}::uuid`),
      text: jsonValueSql(Prisma.sql`${awkward}::text`),
      missing: jsonValueSql(Prisma.sql`NULL::text`),
      missingPlain: jsonPlainStringSql(Prisma.sql`NULL::uuid`),
      number: jsonValueSql(Prisma.sql`${42}::int`),
      flag: jsonValueSql(Prisma.sql`true`),
      [`a key's "name"`]: jsonValueSql(Prisma.sql`'x'::text`),
      nested: jsonObjectSql({ inner: jsonValueSql(Prisma.sql`${awkward}::text`), none: jsonObjectSql({}) }),
    });
    const [row] = await db.$queryRaw<Array<{ built: string; reference: string }>>`
      SELECT ${object} AS "built",
        json_build_object('id', ${id}::uuid, 'text', ${awkward}::text, 'missing', NULL::text, 'missingPlain', NULL::uuid,
          'number', ${42}::int, 'flag', true, ${`a key's "name"`}::text, 'x'::text,
          'nested', json_build_object('inner', ${awkward}::text, 'none', json_build_object()))::text AS "reference"`;
    const built = JSON.parse(row!.built) as Record<string, unknown>;
    expect(built).toEqual(JSON.parse(row!.reference));
    expect(built).toEqual({
      id,
      text: awkward,
      missing: null,
      missingPlain: null,
      number: 42,
      flag: true,
      [`a key's "name"`]: "x",
      nested: { inner: awkward, none: {} },
    });
    expect(Object.keys(built)).toEqual([
      "id",
      "text",
      "missing",
      "missingPlain",
      "number",
      "flag",
      `a key's "name"`,
      "nested",
    ]);
  });
});
