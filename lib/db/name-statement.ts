import { createHash } from "node:crypto";

/** Statements with more parameters than this vary in shape (IN lists, bulk inserts) and stay unnamed. */
const MAX_NAMED_PARAMETERS = 32;
/** node-postgres sends a statement with an empty name unnamed, as if no name were given. */
const UNNAMED = "";
/** Whose best plan depends on the value searched for: planned per call, so never prepared. */
const TEXT_SEARCH = /\bI?LIKE\b/i;

/**
 * Names a statement after its SQL text so each pooled connection parses it once and PostgreSQL
 * skips parsing it again (unnamed statements are parsed on every call), and, after a few calls,
 * planning it too (a generic plan). Bulk statements, whose text changes with the number of rows,
 * would fill every connection's cache, and text searches need a plan for the value searched
 * for: both stay unnamed.
 */
export function nameStatement(query: { sql: string; args: readonly unknown[] }): string {
  if (query.args.length > MAX_NAMED_PARAMETERS) return UNNAMED;
  if (TEXT_SEARCH.test(query.sql)) return UNNAMED;
  return `tg_${createHash("sha1").update(query.sql).digest("base64url")}`;
}
