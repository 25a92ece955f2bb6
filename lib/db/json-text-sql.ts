import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/*
 * JSON text built by PostgreSQL, for answers sent as PostgreSQL wrote them. The same objects as
 * json_build_object makes, at about half its cost per row: json_build_object looks up each
 * argument's type and output function on every call (bench/analysis.md, 2026-11-29). Keys are the
 * code's own constants; every value passes through PostgreSQL's own JSON escaping unless it is
 * marked plain.
 */

/** Any value as JSON text, escaped by PostgreSQL's to_json; SQL NULL becomes null. */
export function jsonValueSql(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce(to_json(${expression})::text, 'null')`;
}

/**
 * A value whose text never needs escaping (a uuid, an enum label, a time from to_char) as a JSON
 * string, without to_json's work; SQL NULL becomes null.
 */
export function jsonPlainStringSql(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce('"' || ${expression} || '"', 'null')`;
}

/** A JSON object as text, its members in the order given, each value already JSON text (see above). */
export function jsonObjectSql(members: Record<string, Prisma.Sql>): Prisma.Sql {
  const entries = Object.entries(members);
  if (entries.length === 0) return Prisma.sql`'{}'`;
  const parts = entries.map(
    ([key, value], index) => Prisma.sql`${sqlLiteral(`${index === 0 ? "{" : ","}${JSON.stringify(key)}:`)} || ${value}`,
  );
  return Prisma.sql`(${Prisma.join(parts, " || ")} || '}')`;
}

function sqlLiteral(text: string): Prisma.Sql {
  return Prisma.raw(`'${text.replaceAll("'", "''")}'`);
}
