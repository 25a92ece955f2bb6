import { describe, expect, it } from "vitest";
import { pickLanguage } from "./pick-language";

describe("pickLanguage", () => {
  const available = ["en", "fr"];
  it("takes the highest-ranked language the page speaks", () => {
    expect(pickLanguage("fr-CH, fr;q=0.9, en;q=0.8", available)).toBe("fr");
    expect(pickLanguage("de-DE, fr;q=0.5, en;q=0.7", available)).toBe("en");
    expect(pickLanguage("en;q=0.2, FR;q=0.9", available)).toBe("fr");
  });
  it("falls back to English for nothing, nonsense or refused languages", () => {
    expect(pickLanguage(null, available)).toBe("en");
    expect(pickLanguage("", available)).toBe("en");
    expect(pickLanguage("de, es", available)).toBe("en");
    expect(pickLanguage("fr;q=0", available)).toBe("en");
    expect(pickLanguage(";;;,,q=x", available)).toBe("en");
  });
});
