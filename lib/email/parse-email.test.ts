import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalizeEmail, isDomainAllowed, parseEmail, splitEmailList } from "./parse-email";

describe("parseEmail", () => {
  it.each([
    ["alice@example.com", "alice@example.com"],
    ["  Alice.Smith+tag@Example.COM ", "alice.smith+tag@example.com"],
    ["o'brien@sub.example.co.uk", "o'brien@sub.example.co.uk"],
    ["user@bücher.de", "user@xn--bcher-kva.de"],
    ["ＡＬＩＣＥ@example.com", "alice@example.com"],
  ])("accepts %j as %j", (input, canonical) => {
    const result = parseEmail(input);
    expect(result).toMatchObject({ ok: true, canonical });
  });

  it.each([
    "",
    "plainaddress",
    "@example.com",
    "alice@",
    "alice@localhost",
    "a@b@example.com",
    '"alice@evil.com"@example.com',
    '"quoted"@example.com',
    "Alice <alice@example.com>",
    "alice@example.com\r\nBcc: x@y.com",
    "alice @example.com",
    "alice\u0000@example.com",
    "alice(comment)@example.com",
    "alice@[127.0.0.1]",
    "alice@127.0.0.1",
    ".alice@example.com",
    "alice.@example.com",
    "al..ice@example.com",
    "alice@-example.com",
    "alice@example..com",
    "alice@exa_mple.com",
    `${"a".repeat(65)}@example.com`,
    `alice@${"a".repeat(64)}.com`,
    `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`,
    "alice\u200b@example.com",
    "alice@example.com,bob@example.com",
  ])("rejects %j", (input) => {
    expect(parseEmail(input).ok).toBe(false);
  });

  it("never accepts an address whose canonical form differs from its lower-cased stored form", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (input) => {
        const result = parseEmail(input);
        if (!result.ok) return;
        expect(result.canonical).toBe(result.address.toLowerCase());
        expect(result.canonical).toBe(canonicalizeEmail(result.canonical));
        expect(result.canonical).toMatch(/^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9.-]+$/);
        expect(result.canonical.split("@")).toHaveLength(2);
        expect(result.canonical.length).toBeLessThanOrEqual(254);
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts every generated dot-atom address and maps case variants to one canonical form", () => {
    const atom = fc.stringMatching(/^[A-Za-z0-9_+-]{1,10}$/);
    const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
    fc.assert(
      fc.property(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 1, maxLength: 3 }), (atoms, labels) => {
        const address = `${atoms.join(".")}@${labels.join(".")}.com`;
        const lower = parseEmail(address);
        const upper = parseEmail(`  ${address.toUpperCase()} `);
        expect(lower.ok).toBe(true);
        expect(upper.ok).toBe(true);
        if (lower.ok && upper.ok) expect(upper.canonical).toBe(lower.canonical);
      }),
    );
  });

  it("treats Unicode compatibility forms as the same address", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), (name) => {
        const fullWidth = [...name].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
        const result = parseEmail(`${fullWidth}@example.com`);
        expect(result).toMatchObject({ ok: true, canonical: `${name}@example.com` });
      }),
    );
  });
});

describe("splitEmailList", () => {
  it("splits on commas, semicolons, spaces, tabs and new lines", () => {
    expect(splitEmailList("a@x.com, b@x.com;c@x.com\n d@x.com\te@x.com\r\n\r\n")).toEqual([
      "a@x.com",
      "b@x.com",
      "c@x.com",
      "d@x.com",
      "e@x.com",
    ]);
  });
});

describe("isDomainAllowed", () => {
  it("allows any domain when the list is empty", () => {
    expect(isDomainAllowed("anything.com", [])).toBe(true);
  });
  it("allows listed domains and their subdomains, nothing else", () => {
    expect(isDomainAllowed("acme.test", ["acme.test"])).toBe(true);
    expect(isDomainAllowed("eu.acme.test", ["acme.test"])).toBe(true);
    expect(isDomainAllowed("evilacme.test", ["acme.test"])).toBe(false);
    expect(isDomainAllowed("acme.test.evil.com", ["acme.test"])).toBe(false);
  });
});
