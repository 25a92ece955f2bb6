import { randomBytes } from "node:crypto";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * What fills a slot: a string goes as it is into the subject and the plain text and escaped (as
 * React escapes) into the HTML; an object gives each part's own form, its `html` as markup.
 */
export type SlotValue = string | { subject?: string; html?: string; text?: string };

type Part = keyof RenderedEmail;

// Random per process, so no name, message or other rendered value can contain a slot's marker.
const processId = randomBytes(9).toString("hex");
const MARKER = new RegExp(`tgslot${processId}([a-z]+)${processId}`, "g");
const TEMPLATE_CACHE_SIZE = 128;
const templates = new Map<string, Promise<RenderedEmail>>();

/**
 * An email rendered once per `key` with slots for its per-recipient values, then filled per
 * email: React's render and the plain-text conversion cost milliseconds of CPU, and emails sent
 * in a burst mostly share everything but a few values. `key` holds everything `render` reads
 * besides the slots, starting with the email's name; the last 128 templates are kept. A value
 * must read the same in every part whatever surrounds it (the plain-text conversion collapses
 * whitespace and drops it at a block's edges): one that does not is given per part.
 */
export async function renderFromTemplate<Slot extends string>({
  key,
  slots,
  render,
  values,
}: {
  key: readonly unknown[];
  slots: readonly Slot[];
  render: (markers: Record<Slot, string>) => Promise<RenderedEmail>;
  values: Record<Slot, SlotValue>;
}): Promise<RenderedEmail> {
  const template = await readTemplate(JSON.stringify([slots, ...key]), slots, render);
  return {
    subject: fillSlots(template.subject, values, "subject"),
    html: fillSlots(template.html, values, "html"),
    text: fillSlots(template.text, values, "text"),
  };
}

function readTemplate<Slot extends string>(
  key: string,
  slots: readonly Slot[],
  render: (markers: Record<Slot, string>) => Promise<RenderedEmail>,
) {
  const cached = templates.get(key);
  if (cached) {
    templates.delete(key);
    templates.set(key, cached);
    return cached;
  }
  const rendered = render(markersFor(slots));
  templates.set(key, rendered);
  rendered.catch(() => templates.delete(key));
  if (templates.size > TEMPLATE_CACHE_SIZE) templates.delete(templates.keys().next().value!);
  return rendered;
}

function markersFor<Slot extends string>(slots: readonly Slot[]) {
  return Object.fromEntries(
    slots.map((name) => {
      if (!/^[a-z]+$/.test(name)) throw new Error(`Slot names are lower-case letters: ${name}`);
      return [name, `tgslot${processId}${name}${processId}`];
    }),
  ) as Record<Slot, string>;
}

// One pass with a replacer function: a filled value is never searched again, and `$&` or `$'` in
// it stays text (a replacement string would read them as patterns).
function fillSlots(template: string, values: Record<string, SlotValue>, part: Part) {
  return template.replace(MARKER, (_, name: string) => {
    const value = values[name];
    if (typeof value === "string") return part === "html" ? escapeHtml(value) : value;
    const filled = value?.[part];
    if (filled === undefined) throw new Error(`The email's ${part} has a slot "${name}" with no value`);
    return filled;
  });
}

/** What React's server renderer does to text and attribute values. */
export function escapeHtml(value: string) {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char]!,
  );
}
