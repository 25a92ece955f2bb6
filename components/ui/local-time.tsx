"use client";

import { formatDistanceToNowStrict } from "date-fns";
import { useHydrated } from "./use-hydrated";

const STYLES = {
  date: { day: "numeric", month: "short", year: "numeric" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  full: { dateStyle: "medium", timeStyle: "long" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type Style = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and cheap to reuse: one per style and time zone. */
function formatter(style: Style, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style}:${timeZone ?? "local"}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(style === "date" ? "en-GB" : "en-US", { ...STYLES[style], timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * A moment in the viewer's time zone. The server does not know it, so the server render and
 * hydration use UTC (the same text on both sides) and the browser's zone takes over right after.
 */
export function LocalTime({ value, style = "date", relative = false, className }: { value: Date | string; style?: Style; relative?: boolean; className?: string }) {
  const timeZone = useHydrated() ? undefined : "UTC";
  const date = new Date(value);
  return (
    <time
      dateTime={date.toISOString()}
      title={formatter("full", timeZone).format(date)}
      className={className}
      // "in 6 days" is computed against each side's clock; a second between render and hydration may cross a boundary.
      suppressHydrationWarning={relative}
    >
      {relative ? formatDistanceToNowStrict(date, { addSuffix: true }) : formatter(style, timeZone).format(date)}
    </time>
  );
}
