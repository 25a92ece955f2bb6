"use client";

import { useCallback, useSyncExternalStore } from "react";

const EVENT = "teamgate:stored-visibility";

function subscribe(callback: () => void) {
  window.addEventListener("storage", callback);
  window.addEventListener(EVENT, callback);
  return () => {
    window.removeEventListener("storage", callback);
    window.removeEventListener(EVENT, callback);
  };
}

/** Column visibility remembered per browser; the server render uses the defaults. */
export function useStoredVisibility(key: string, defaults: Record<string, boolean>) {
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(key),
    () => null,
  );
  const value: Record<string, boolean> = raw ? { ...defaults, ...(JSON.parse(raw) as Record<string, boolean>) } : defaults;
  const setValue = useCallback(
    (next: Record<string, boolean>) => {
      window.localStorage.setItem(key, JSON.stringify(next));
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  return [value, setValue] as const;
}
