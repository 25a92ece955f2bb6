import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./test-database";

// Every test file gets its own fresh database, installed as the app's process-wide client
// before any lib/ module reads it (lib/db/index.ts honours globalThis.teamgateDb).
const testDatabase = await createTestDatabase(process.env.TEST_DATABASE_URL ? inject("templateDatabase") : undefined);
(globalThis as { teamgateDb?: unknown }).teamgateDb = testDatabase.db;
(globalThis as { teamgateTestDatabase?: unknown }).teamgateTestDatabase = testDatabase;

afterAll(async () => {
  await testDatabase.close();
});
