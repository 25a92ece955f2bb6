import { describe, expect, it } from "vitest";
import { databaseIsLocal, isValidWorkerCount, workerCount } from "./worker-count.mjs";

describe("workerCount", () => {
  it("runs one worker on PGlite, whatever is asked", () => {
    expect(workerCount({ WEB_CONCURRENCY: "4" }, 8)).toBe(1);
  });

  it("leaves a core to a database on this machine, never going below one worker", () => {
    expect(workerCount({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/app" }, 8)).toBe(7);
    expect(workerCount({ DATABASE_URL: "postgresql://postgres@localhost/app" }, 2)).toBe(1);
    expect(workerCount({ DATABASE_URL: "postgresql://postgres@[::1]:5432/app" }, 1)).toBe(1);
    expect(workerCount({ DATABASE_URL: "postgresql:///app?host=/var/run/postgresql" }, 4)).toBe(3);
  });

  it("uses every core when the database is elsewhere, and WEB_CONCURRENCY when set", () => {
    expect(workerCount({ DATABASE_URL: "postgresql://app@db.internal:5432/app" }, 8)).toBe(8);
    expect(workerCount({ DATABASE_URL: "postgresql://postgres@127.0.0.1/app", WEB_CONCURRENCY: "2" }, 2)).toBe(2);
  });

  it("tells a remote host from a local one and refuses unusable counts", () => {
    expect(databaseIsLocal("postgresql://x@10.0.0.5/app")).toBe(false);
    expect(databaseIsLocal("not a url")).toBe(false);
    expect(isValidWorkerCount("0")).toBe(false);
    expect(isValidWorkerCount("1.5")).toBe(false);
    expect(isValidWorkerCount("65")).toBe(false);
    expect(isValidWorkerCount("2")).toBe(true);
  });
});
