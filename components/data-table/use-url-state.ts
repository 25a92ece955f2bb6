"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useOptimistic, useRef, useTransition } from "react";
import { mergeQuery, type UrlChanges } from "./merge-query";

export type UrlUpdateOptions = {
  /** Filters and sorting start again at page 1; paging itself keeps the page it sets. */
  resetPage?: boolean;
  /** Each deliberate change is a history entry (Back undoes it); typing replaces the current one. */
  history?: "push" | "replace";
};

/**
 * The table's sort, filters and page live in the URL: shareable and kept across reloads.
 * Changing them navigates (in a transition), and the server renders the new page of data.
 *
 * Quick successive changes must not overwrite each other, so each one builds on the newest
 * query asked for (a ref), not on the search params captured at the last render; and the
 * controls show that query optimistically until the server's answer arrives.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const current = useSearchParams().toString();
  const [isPending, startTransition] = useTransition();
  const [optimistic, setOptimistic] = useOptimistic(current);
  const latest = useRef(current);
  useEffect(() => {
    // Once our navigations have landed (or Back/Forward moved the URL), the URL is the truth again.
    if (!isPending) latest.current = current;
  }, [current, isPending]);

  const update = useCallback(
    (
      changes: UrlChanges | ((latestParams: URLSearchParams) => UrlChanges),
      { resetPage = true, history = "push" }: UrlUpdateOptions = {},
    ) => {
      const resolved = typeof changes === "function" ? changes(new URLSearchParams(latest.current)) : changes;
      const query = mergeQuery(latest.current, resolved, resetPage);
      if (query === latest.current) return;
      latest.current = query;
      const href = query ? `${pathname}?${query}` : pathname;
      startTransition(() => {
        setOptimistic(query);
        if (history === "push") router.push(href, { scroll: false });
        else router.replace(href, { scroll: false });
      });
    },
    [pathname, router, setOptimistic],
  );

  const params = useMemo(() => new URLSearchParams(optimistic), [optimistic]);
  return { params, update, isPending };
}
