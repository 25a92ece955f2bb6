"use client";

import { useEffect, useRef, useState } from "react";
import type { UrlChanges } from "./merge-query";
import type { UrlUpdateOptions } from "./use-url-state";

/**
 * A search box over the URL's `q`. The box is the user's while they type: only typing asks for
 * a search (debounced, replacing the history entry). When `q` changes any other way (Back,
 * Forward, "Clear all filters"), the box follows it.
 */
export function useSearchBox(q: string | undefined, update: (changes: UrlChanges, options?: UrlUpdateOptions) => void) {
  const [search, setSearch] = useState(q ?? "");
  const requested = useRef(q ?? "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    const value = q ?? "";
    if (value === requested.current) return;
    clearTimeout(timer.current);
    requested.current = value;
    setSearch(value);
  }, [q]);

  const type = (value: string) => {
    setSearch(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const trimmed = value.trim();
      if (trimmed === requested.current) return;
      requested.current = trimmed;
      update({ q: trimmed || null }, { history: "replace" });
    }, 300);
  };
  /** Empties the box without asking for a search of its own (the caller's update clears `q`). */
  const clear = () => {
    clearTimeout(timer.current);
    requested.current = "";
    setSearch("");
  };
  return { search, type, clear };
}
