"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { pluralize } from "@/lib/i18n/pluralize";

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
  /** The rows' noun in its forms, e.g. { one: "invitation", other: "invitations" }. */
  noun: { one: string; other: string };
  onPageChange: (step: -1 | 1) => void;
  onPerPageChange: (perPage: string) => void;
};

/** The footer's count: "1–20 of 52 invitations", "11 of 11 invitations", or "1 invitation" when one page holds them all. */
export function describeRange(
  page: number,
  perPage: number,
  shown: number,
  total: number,
  totalIsCapped: boolean,
  noun: { one: string; other: string },
): string {
  const words = pluralize("en", total, noun);
  if (total === 0) return `No ${noun.other}`;
  const count = `${formatCount(total)}${totalIsCapped ? "+" : ""}`;
  const narrow = totalIsCapped ? "; filter or search to narrow them" : "";
  const first = (page - 1) * perPage + 1;
  if (shown === 0) return `${count} ${words}${narrow}`;
  if (first === 1 && shown === total && !totalIsCapped) return `${count} ${words}`;
  const last = first + shown - 1;
  const range = first === last ? formatCount(first) : `${formatCount(first)}–${formatCount(last)}`;
  return `${range} of ${count} ${words}${narrow}`;
}

/** The count, rows per page, and previous / next: the footer of a server-paged table. */
export function PaginationBar({
  page,
  pageCount,
  perPage,
  shown,
  total,
  totalIsCapped = false,
  noun,
  onPageChange,
  onPerPageChange,
}: Props) {
  const labelId = useId();
  return (
    <div className="flex flex-col-reverse items-center justify-between gap-3 text-sm sm:flex-row">
      <p className="text-muted-foreground" aria-live="polite">
        {describeRange(page, perPage, shown, total, totalIsCapped, noun)}
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
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            aria-label="Previous page"
            disabled={page <= 1}
            onClick={() => onPageChange(-1)}
          >
            <ChevronLeft aria-hidden className="size-4" />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            aria-label="Next page"
            disabled={page >= pageCount}
            onClick={() => onPageChange(1)}
          >
            <ChevronRight aria-hidden className="size-4" />
          </Button>
        </div>
      </div>
    </div>
  );
}
