import pg from "pg";
import { readMigrationSql } from "./migration-sql";

export const TEMPLATE_DATABASE = `teamgate_template_${process.pid}`;

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** On PostgreSQL, migrate one template database; each test file clones it (fast and isolated). */
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) return;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}"`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  const template = new pg.Client({ connectionString: withDatabase(baseUrl, TEMPLATE_DATABASE) });
  await template.connect();
  for (const sql of readMigrationSql()) await template.query(sql);
  await template.end();
  provide("templateDatabase", TEMPLATE_DATABASE);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
