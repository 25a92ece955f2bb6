"use client";

import { formatDistanceToNowStrict } from "date-fns";
import { useHydrated } from "./use-hydrated";

// The app's two styles (a date; a date with its time) plus the exact moment for the tooltip.
const STYLES = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  full: { dateStyle: "medium", timeStyle: "long" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type Style = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and cheap to reuse: one per style, locale and time zone. */
function formatter(style: Style, locale: string | undefined, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style}:${locale ?? "viewer"}:${timeZone ?? "local"}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * A moment in the viewer's time zone and locale. The server knows neither, so the server render
 * and hydration use English and UTC (the same text on both sides) and the browser's take over
 * right after.
 */
export function LocalTime({
  value,
  style = "date",
  relative = false,
  className,
}: {
  value: Date | string;
  style?: Style;
  relative?: boolean;
  className?: string;
}) {
  const hydrated = useHydrated();
  const [locale, timeZone] = hydrated ? [undefined, undefined] : ["en-US", "UTC"];
  const date = new Date(value);
  return (
    <time
      dateTime={date.toISOString()}
      title={formatter("full", locale, timeZone).format(date)}
      className={className}
      // "in 6 days" is computed against each side's clock; a second between render and hydration may cross a boundary.
      suppressHydrationWarning={relative}
    >
      {relative
        ? formatDistanceToNowStrict(date, { addSuffix: true })
        : formatter(style, locale, timeZone).format(date)}
    </time>
  );
}
