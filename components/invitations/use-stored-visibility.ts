"use client";

import { useCallback, useSyncExternalStore } from "react";
import { parseStoredVisibility } from "./parse-stored-visibility";

const EVENT = "teamgate:stored-visibility";

function subscribe(callback: () => void) {
  window.addEventListener("storage", callback);
  window.addEventListener(EVENT, callback);
  return () => {
    window.removeEventListener("storage", callback);
    window.removeEventListener(EVENT, callback);
  };
}

// Where choices go when the browser refuses localStorage (blocked, private mode, full).
const memory = new Map<string, string>();

function readStorage(key: string): string | null {
  try {
    return memory.get(key) ?? window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

/** Column visibility remembered per browser; the server render uses the defaults. */
export function useStoredVisibility(key: string, defaults: Record<string, boolean>) {
  const raw = useSyncExternalStore(
    subscribe,
    () => readStorage(key),
    () => null,
  );
  const value: Record<string, boolean> = { ...defaults, ...parseStoredVisibility(raw) };
  const setValue = useCallback(
    (next: Record<string, boolean>) => {
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the choice lasts until the page reloads.
        memory.set(key, JSON.stringify(next));
      }
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  return [value, setValue] as const;
}
