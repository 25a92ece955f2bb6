import { describe, expect, it } from "vitest";
import { parseClientAddress } from "./parse-client-address";

describe("parseClientAddress", () => {
  it("with no trusted proxy takes the socket's address, whatever the client put before it", () => {
    const seen = new Set(
      Array.from({ length: 50 }, (_, i) => parseClientAddress(`10.0.0.${i}, 198.51.100.${i}, 203.0.113.7`, 0)),
    );
    expect([...seen]).toEqual(["203.0.113.7"]);
  });

  it("with one trusted proxy takes the entry that proxy appended, not the client's own", () => {
    expect(parseClientAddress("1.1.1.1, 198.51.100.4, 10.0.0.2", 1)).toBe("198.51.100.4");
    expect(parseClientAddress("198.51.100.4, 10.0.0.2", 1)).toBe("198.51.100.4");
    expect(parseClientAddress("8.8.8.8, 198.51.100.4, 10.0.0.3, 10.0.0.2", 2)).toBe("198.51.100.4");
  });

  it("takes the leftmost entry when the chain is shorter than the trusted hops", () => {
    expect(parseClientAddress("127.0.0.1", 1)).toBe("127.0.0.1");
  });

  it("answers unknown for a missing header or an entry that is not an address", () => {
    expect(parseClientAddress(null, 0)).toBe("unknown");
    expect(parseClientAddress("", 0)).toBe("unknown");
    expect(parseClientAddress("1.2.3.4, not-an-ip", 0)).toBe("unknown");
    expect(parseClientAddress("999.1.1.1", 0)).toBe("unknown");
    expect(parseClientAddress(`x${"a".repeat(5000)}`, 0)).toBe("unknown");
  });

  it("normalises IPv4-mapped, bracketed and ported forms", () => {
    expect(parseClientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(parseClientAddress("203.0.113.9:51234", 0)).toBe("203.0.113.9");
    expect(parseClientAddress("[2001:db8::1]:443", 0)).toBe("2001:db8:0:0::/64");
  });

  it("groups IPv6 clients by their /64, so rotating within one block does not help", () => {
    expect(parseClientAddress("2001:db8:1:2::1", 0)).toBe("2001:db8:1:2::/64");
    expect(parseClientAddress("2001:DB8:1:2:ffff:ffff:ffff:ffff", 0)).toBe("2001:db8:1:2::/64");
    expect(parseClientAddress("::1", 0)).toBe("0:0:0:0::/64");
    expect(parseClientAddress("2001:db8::1::2", 0)).toBe("unknown");
  });
});
