import { describe, expect, it } from "vitest";
import { mergeQuery, readList, stepPage, toggleListValue } from "./merge-query";

describe("mergeQuery", () => {
  it("sets, replaces and removes keys and keeps the others", () => {
    expect(mergeQuery("status=PENDING&sort=email&page=3", { sort: "expiresAt", order: "asc", q: null }, false)).toBe(
      "status=PENDING&sort=expiresAt&page=3&order=asc",
    );
  });

  it("goes back to the first page when asked", () => {
    expect(mergeQuery("q=ada&page=4", { q: "grace" }, true)).toBe("q=grace");
  });

  it("treats an empty value as removal", () => {
    expect(mergeQuery("q=ada", { q: "" }, false)).toBe("");
  });
});

describe("toggleListValue", () => {
  it("builds on what is already selected, so successive ticks add up", () => {
    const first = toggleListValue(null, "PENDING", true);
    expect(toggleListValue(first, "EXPIRED", true)).toBe("PENDING,EXPIRED");
  });

  it("removes a value, and the key when none is left", () => {
    expect(toggleListValue("PENDING,EXPIRED", "PENDING", false)).toBe("EXPIRED");
    expect(toggleListValue("EXPIRED", "EXPIRED", false)).toBeNull();
  });

  it("never lists a value twice", () => {
    expect(toggleListValue("PENDING", "PENDING", true)).toBe("PENDING");
  });
});

describe("readList", () => {
  it("splits and drops empty items", () => {
    expect(readList("A,,B")).toEqual(["A", "B"]);
    expect(readList(null)).toEqual([]);
  });
});

describe("stepPage", () => {
  it("moves within the pages and drops page=1 from the URL", () => {
    expect(stepPage(new URLSearchParams("page=2"), -1, 5)).toEqual({ page: null });
    expect(stepPage(new URLSearchParams(""), 1, 5)).toEqual({ page: "2" });
    expect(stepPage(new URLSearchParams("page=5"), 1, 5)).toEqual({ page: "5" });
    expect(stepPage(new URLSearchParams("page=junk"), 1, 5)).toEqual({ page: "2" });
  });
});
