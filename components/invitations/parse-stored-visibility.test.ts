import { describe, expect, it } from "vitest";
import { parseStoredVisibility } from "./parse-stored-visibility";

describe("parseStoredVisibility", () => {
  it("reads what the table stored", () => {
    expect(parseStoredVisibility('{"id":true,"inviter":false}')).toEqual({ id: true, inviter: false });
  });

  it.each([null, "", "{not json", "null", "[]", '"text"', "42", '{"id":"yes"}', '{"id":null}'])(
    "ignores %j instead of crashing",
    (raw) => {
      expect(parseStoredVisibility(raw)).toEqual({});
    },
  );
});
