import { describe, expect, it } from "vitest";
import { escapeHtml, renderFromTemplate, type RenderedEmail } from "./email-template-cache";

/** A template that shows its slots in every part and counts how often it is rendered. */
function countingTemplate() {
  const counter = {
    renders: 0,
    markers: {} as Record<string, string>,
    render: async (slots: Record<"a" | "b", string>): Promise<RenderedEmail> => {
      counter.renders++;
      counter.markers = slots;
      return { subject: `S ${slots.a}`, html: `<p>${slots.a}|${slots.b}</p>`, text: `${slots.a}|${slots.b}` };
    },
  };
  return counter;
}

describe("renderFromTemplate", () => {
  it("renders once per key and fills each email's values: raw in subject and text, escaped in HTML", async () => {
    const template = countingTemplate();
    const key = ["test", "fills"];
    const first = await renderFromTemplate({
      key,
      slots: ["a", "b"],
      render: template.render,
      values: { a: `<x & "y" 'z'>`, b: "1" },
    });
    const second = await renderFromTemplate({
      key,
      slots: ["a", "b"],
      render: template.render,
      values: { a: "q", b: "2" },
    });
    expect(template.renders).toBe(1);
    expect(first).toEqual({
      subject: `S <x & "y" 'z'>`,
      html: "<p>&lt;x &amp; &quot;y&quot; &#x27;z&#x27;&gt;|1</p>",
      text: `<x & "y" 'z'>|1`,
    });
    expect(second).toEqual({ subject: "S q", html: "<p>q|2</p>", text: "q|2" });
  });

  it("fills each slot once: replacement patterns and other slots' markers in a value stay text", async () => {
    const template = countingTemplate();
    const key = ["test", "once"];
    await renderFromTemplate({ key, slots: ["a", "b"], render: template.render, values: { a: "", b: "" } });
    const email = await renderFromTemplate({
      key,
      slots: ["a", "b"],
      render: template.render,
      values: { a: `$& $' $\` $$ ${template.markers.b}`, b: "B" },
    });
    expect(email.text).toBe(`$& $' $\` $$ ${template.markers.b}|B`);
    expect(email.subject).toBe(`S $& $' $\` $$ ${template.markers.b}`);
  });

  it("takes a value given per part as it is, and refuses a part left without one", async () => {
    const template = countingTemplate();
    const email = await renderFromTemplate({
      key: ["test", "parts"],
      slots: ["a", "b"],
      render: template.render,
      values: { a: { subject: "s", html: "<b>h</b>", text: "t" }, b: "<" },
    });
    expect(email).toEqual({ subject: "S s", html: "<p><b>h</b>|&lt;</p>", text: "t|<" });
    await expect(
      renderFromTemplate({
        key: ["test", "parts"],
        slots: ["a", "b"],
        render: template.render,
        values: { a: { html: "h" }, b: "" },
      }),
    ).rejects.toThrow(/subject has a slot "a"/);
  });

  it("forgets a failed render and keeps the last 128 templates", async () => {
    let fail = true;
    const flaky = async (): Promise<RenderedEmail> => {
      if (fail) throw new Error("boom");
      return { subject: "", html: "ok", text: "" };
    };
    await expect(renderFromTemplate({ key: ["test", "flaky"], slots: [], render: flaky, values: {} })).rejects.toThrow(
      "boom",
    );
    fail = false;
    expect((await renderFromTemplate({ key: ["test", "flaky"], slots: [], render: flaky, values: {} })).html).toBe(
      "ok",
    );

    const template = countingTemplate();
    const render = (index: number) =>
      renderFromTemplate({
        key: ["test", "lru", index],
        slots: ["a", "b"],
        render: template.render,
        values: { a: "", b: "" },
      });
    for (let index = 0; index <= 128; index++) await render(index);
    expect(template.renders).toBe(129);
    await render(128);
    expect(template.renders).toBe(129);
    await render(0);
    expect(template.renders).toBe(130);
  });
});

describe("escapeHtml", () => {
  it("escapes what React escapes in text and attributes", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;",
    );
  });
});
