"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export const PAGE_SIZES = [10, 20, 50, 100] as const;

const formatCount = (value: number) => value.toLocaleString("en");

type Props = {
  page: number;
  pageCount: number;
  perPage: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  /** The count stopped at `total`; there are more. */
  totalIsCapped?: boolean;
  /** Plural noun for the rows, e.g. "invitations". */
  noun: string;
  onPageChange: (step: -1 | 1) => void;
  onPerPageChange: (perPage: string) => void;
};

/** "1–20 of 52 invitations", rows per page, and previous / next: the footer of a server-paged table. */
export function PaginationBar({ page, pageCount, perPage, shown, total, totalIsCapped = false, noun, onPageChange, onPerPageChange }: Props) {
  const labelId = useId();
  const first = (page - 1) * perPage + 1;
  const range = shown > 0 ? `${formatCount(first)}–${formatCount(first + shown - 1)} of ` : "";
  return (
    <div className="flex flex-col-reverse items-center justify-between gap-3 text-sm sm:flex-row">
      <p className="text-muted-foreground" aria-live="polite">
        {total === 0
          ? `No ${noun}`
          : `${range}${formatCount(total)}${totalIsCapped ? "+" : ""} ${noun}${totalIsCapped ? "; filter or search to narrow them" : ""}`}
      </p>
      <div className="flex flex-wrap items-center justify-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <span className="whitespace-nowrap text-muted-foreground" id={labelId}>
            Rows per page
          </span>
          <Select value={String(perPage)} onValueChange={onPerPageChange}>
            <SelectTrigger className="h-8 w-20" aria-labelledby={labelId}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {PAGE_SIZES.map((size) => (
                <SelectItem key={size} value={String(size)}>
                  {size}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="flex items-center gap-2">
          <span className="whitespace-nowrap px-2">
            Page {formatCount(page)} of {formatCount(pageCount)}
            {totalIsCapped ? "+" : ""}
          </span>
          <Button variant="outline" size="icon" className="size-8" aria-label="Previous page" disabled={page <= 1} onClick={() => onPageChange(-1)}>
            <ChevronLeft aria-hidden className="size-4" />
          </Button>
          <Button variant="outline" size="icon" className="size-8" aria-label="Next page" disabled={page >= pageCount} onClick={() => onPageChange(1)}>
            <ChevronRight aria-hidden className="size-4" />
          </Button>
        </div>
      </div>
    </div>
  );
}
