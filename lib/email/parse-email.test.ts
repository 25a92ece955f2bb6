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
    "user@exämple.com/evil",
    "user@example.com/evil",
    "user@exämple.com?x=1",
    "user@exämple.com#frag",
    "user@ex%41mple.com",
    "user@exämple.com:443",
    "user@exämple.com\\evil",
    "user@exämple.com.",
    "user@exämple。com",
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

  it("refuses a domain that is not exactly a hostname: nothing a URL parser would read as path, query, fragment, port or escape", () => {
    const label = fc.stringMatching(/^[a-z0-9äöüéñ]{1,10}$/);
    const junk = fc.constantFrom(
      "/",
      "/evil",
      "?",
      "?x=1",
      "#",
      "#frag",
      "%41",
      "%2e",
      ":",
      ":443",
      "\\",
      "[",
      "]",
      "!",
      "$",
      "&",
      "'",
      "*",
      "+",
      "=",
      "|",
      "~",
      "^",
      "{",
      "}",
    );
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 4 }), junk, fc.nat(), (labels, inserted, at) => {
        const domain = labels.join(".");
        const cut = at % (domain.length + 1);
        const input = `user@${domain.slice(0, cut)}${inserted}${domain.slice(cut)}`;
        expect(parseEmail(input).ok).toBe(false);
        expect(canonicalizeEmail(input)).not.toMatch(/xn--/);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts a domain only when it is the hostname spelt in the input, letter for letter up to case and IDNA", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (domain) => {
        const parsed = parseEmail(`user@${domain}`);
        if (!parsed.ok) return;
        const labelsIn = domain.trim().normalize("NFKC").split(".");
        expect(labelsIn.every((label) => /^[\p{L}\p{M}\p{N}-]+$/u.test(label))).toBe(true);
        expect(parsed.domain.split(".")).toHaveLength(labelsIn.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts every generated dot-atom address and maps case variants to one canonical form", () => {
    const atom = fc.stringMatching(/^[A-Za-z0-9_+-]{1,10}$/);
    const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
    fc.assert(
      fc.property(
        fc.array(atom, { minLength: 1, maxLength: 3 }),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        (atoms, labels) => {
          const address = `${atoms.join(".")}@${labels.join(".")}.com`;
          const lower = parseEmail(address);
          const upper = parseEmail(`  ${address.toUpperCase()} `);
          expect(lower.ok).toBe(true);
          expect(upper.ok).toBe(true);
          if (lower.ok && upper.ok) expect(upper.canonical).toBe(lower.canonical);
        },
      ),
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

describe("canonicalizeEmail", () => {
  // What sign-in, sign-up and the seed store or look up must equal what an invitation stores.
  // (No "ß": upper-casing it gives "SS", which IDNA 2008 treats as another domain.)
  const localPart = fc.stringMatching(/^[A-Za-z0-9_+-]{1,12}$/);
  const unicodeLabel = fc
    .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzüéèñøåçждфλσ日本"), { minLength: 1, maxLength: 12 })
    .map((chars) => chars.join(""));
  const tld = fc.constantFrom("de", "com", "fr", "рф", "中国");
  const spell = (text: string, variant: number) =>
    variant === 0 ? text : variant === 1 ? text.toUpperCase() : variant === 2 ? ` ${text}\t` : text.normalize("NFD");

  it("gives sign-in the same canonical form as an invitation for any spelling of an address, IDN domains included", () => {
    fc.assert(
      fc.property(
        localPart,
        fc.array(unicodeLabel, { minLength: 1, maxLength: 3 }),
        tld,
        fc.nat(3),
        fc.nat(3),
        (local, labels, top, typed, invited) => {
          const address = `${local}@${labels.join(".")}.${top}`;
          const invitation = parseEmail(spell(address, invited));
          fc.pre(invitation.ok);
          if (!invitation.ok) return;
          expect(canonicalizeEmail(spell(address, typed))).toBe(invitation.canonical);
          expect(invitation.canonical).toMatch(/^[\x21-\x7e]+$/);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("agrees with the parser on every address the parser accepts", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 40 }),
        fc.string({ unit: "grapheme", maxLength: 40 }),
        (local, domain) => {
          const input = `${local}@${domain}`;
          const parsed = parseEmail(input);
          if (parsed.ok) expect(canonicalizeEmail(input)).toBe(parsed.canonical);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("maps a Unicode domain to its punycode form", () => {
    expect(canonicalizeEmail(" Zoe@BÜCHER.de ")).toBe("zoe@xn--bcher-kva.de");
    expect(canonicalizeEmail("zoe@xn--bcher-kva.de")).toBe("zoe@xn--bcher-kva.de");
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
