"use client";

import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";

type Props = { label: string; sorted: false | "asc" | "desc"; onToggle: () => void };

/** A column header that sorts on click; the <th> carries aria-sort. */
export function SortableHeader({ label, sorted, onToggle }: Props) {
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ChevronsUpDown;
  return (
    <button
      type="button"
      onClick={onToggle}
      className="-ml-2 inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {label}
      <Icon aria-hidden className={sorted ? "size-3.5 text-foreground" : "size-3.5 opacity-50"} />
    </button>
  );
}
