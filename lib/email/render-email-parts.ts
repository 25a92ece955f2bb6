import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

/**
 * An email's HTML and its plain-text part from one render: react-email's `plainText` option
 * renders the whole tree a second time only to convert that HTML, and the sender renders every
 * email it sends (bench/analysis.md: rendering was the largest share of the sender's CPU).
 */
export async function renderEmailParts(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
