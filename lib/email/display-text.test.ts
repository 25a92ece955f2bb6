import { describe, expect, it } from "vitest";
import { toDisplayText } from "./display-text";

describe("toDisplayText", () => {
  it("breaks anything a mail client could auto-link", () => {
    const shown = toDisplayText("Visit evil.com or https://evil.com/login");
    expect(shown).not.toMatch(/evil\.com/);
    expect(shown).not.toContain("://");
    expect(shown.replace(/\u200B/g, "")).toBe("Visit evil.com or https://evil.com/login");
  });

  it("keeps markup as text (escaping is React's job) but on one line", () => {
    expect(toDisplayText("<a href=//evil>\nClick\r\nme</a>").replace(/\u200B/g, "")).toBe("<a href=//evil> Click me</a>");
  });

  it("caps long names with an ellipsis", () => {
    const shown = toDisplayText("x".repeat(200));
    expect([...shown]).toHaveLength(80);
    expect(shown.endsWith("…")).toBe(true);
  });
});
