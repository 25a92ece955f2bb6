import { Fragment } from "react";

/**
 * The one piece of Markdown the OpenAPI document's descriptions use: `code` spans. Everything else
 * is plain text (React escapes it), so a description can never inject markup.
 */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split("`");
  // An odd number of backticks leaves the last one unpaired: show it as written.
  const paired = parts.length % 2 === 1;
  return (
    <>
      {parts.map((part, index) => {
        const isCode = index % 2 === 1 && (paired || index < parts.length - 1);
        if (!isCode) return <Fragment key={index}>{index % 2 === 1 ? `\`${part}` : part}</Fragment>;
        return (
          <code key={index} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em] break-words">
            {part}
          </code>
        );
      })}
    </>
  );
}
