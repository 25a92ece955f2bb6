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
    expect(toDisplayText("<a href=//evil>\nClick\r\nme</a>").replace(/\u200B/g, "")).toBe(
      "<a href=//evil> Click me</a>",
    );
  });

  it("caps long names with an ellipsis", () => {
    const shown = toDisplayText("x".repeat(200));
    expect([...shown]).toHaveLength(80);
    expect(shown.endsWith("…")).toBe(true);
  });

  it("strips bidi embeddings, overrides, isolates and marks, so a name cannot reorder what follows it", () => {
    const controls = [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
    ];
    for (const control of controls) {
      expect(toDisplayText(`Support${control}moc.evil`, 80, { breakLinks: false })).toBe("Supportmoc.evil");
      expect(toDisplayText(`A${control}B`)).toBe("AB");
    }
  });

  it("leaves text alone on the page (breakLinks: false) apart from bidi controls and line breaks", () => {
    expect(toDisplayText("Acme.io\n R&D", 80, { breakLinks: false })).toBe("Acme.io R&D");
  });
});
