"use client";

import { useTable, type SortingState, type ColumnVisibilityState as VisibilityState } from "@tanstack/react-table";
import { ChevronLeft, ChevronRight, Columns3, Mail, SearchX } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { InvitationListQuery } from "@/lib/invitations/schemas";
import { cn } from "@/lib/utils/cn";
import { COLUMN_LABELS, invitationColumns } from "./invitation-columns";
import type { InvitationRow, InvitationTableContext } from "./invitation-row";
import { STATUS_OPTIONS } from "./invitation-status-badge";
import { invitationFeatures } from "./invitation-table-features";
import { InvitationTableProvider } from "./invitation-table-provider";
import { InviteButton, InviteDialog } from "./invite-dialog";
import { MultiSelectFilter } from "./multi-select-filter";
import { SortableHeader } from "./sortable-header";
import { useStoredVisibility } from "./use-stored-visibility";
import { useUrlState } from "./use-url-state";

type Props = {
  invitations: InvitationRow[];
  total: number;
  /** The count stopped at `total`; there are more. */
  totalIsCapped: boolean;
  teamHasInvitations: boolean;
  pageCount: number;
  query: InvitationListQuery;
  context: InvitationTableContext;
};

const VISIBILITY_KEY = "teamgate.invitations.columns";
const DEFAULT_VISIBILITY: VisibilityState = { id: false };

// The row menu stays in reach when the columns are wider than the screen and the table scrolls.
const STICKY_ACTIONS = "sticky right-0 z-10";

const formatCount = (value: number) => value.toLocaleString("en");

export function InvitationsTable({ invitations, total, totalIsCapped, teamHasInvitations, pageCount, query, context }: Props) {
  const router = useRouter();
  const { update, isPending } = useUrlState();
  const [search, setSearch] = useState(query.q ?? "");
  const [inviteOpen, setInviteOpen] = useState(false);
  const [columnVisibility, setColumnVisibility] = useStoredVisibility(VISIBILITY_KEY, DEFAULT_VISIBILITY);
  useEffect(() => {
    if ((query.q ?? "") === search.trim()) return;
    const timer = setTimeout(() => update({ q: search.trim() || null }), 300);
    return () => clearTimeout(timer);
  }, [search, query.q, update]);

  const rowContext = useMemo(() => ({ context, onChanged: () => router.refresh() }), [context, router]);
  const sorting: SortingState = [{ id: query.sort, desc: query.order === "desc" }];
  const table = useTable({
    features: invitationFeatures,
    columns: invitationColumns,
    data: invitations,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: {
      sorting,
      columnVisibility,
      pagination: { pageIndex: query.page - 1, pageSize: query.perPage },
    },
    onColumnVisibilityChange: (updater) =>
      setColumnVisibility(typeof updater === "function" ? updater(columnVisibility) : updater),
  });

  const toggleSort = (id: string) => {
    const order = query.sort === id ? (query.order === "asc" ? "desc" : "asc") : "asc";
    update({ sort: id, order }, { resetPage: true });
  };
  const filtersActive = query.status.length + query.role.length + query.inviter.length > 0 || !!query.q;
  const visibleColumns = table.getVisibleLeafColumns();

  const inviteDialog = <InviteDialog context={context} onInvited={() => router.refresh()} open={inviteOpen} onOpenChange={setInviteOpen} />;
  // The dialog keeps one place in the tree, so it stays open when the first invitation
  // turns the empty state into the table.
  if (!teamHasInvitations) {
    return (
      <div className="space-y-3">
        {inviteDialog}
        <EmptyState
          icon={<Mail aria-hidden className="size-8" />}
          title="No invitations yet"
          description="Invite people by email; they join with the role you choose."
          action={<InviteButton onClick={() => setInviteOpen(true)} />}
        />
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {inviteDialog}
      <div className="flex flex-col gap-2 lg:flex-row lg:items-center lg:justify-between">
        <div className="flex flex-wrap items-center gap-2">
          <Input
            type="search"
            aria-label="Search by email"
            placeholder="Search by email…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="h-8 w-full sm:w-60"
          />
          <MultiSelectFilter label="Status" options={STATUS_OPTIONS} selected={query.status} onChange={(values) => update({ status: values.join(",") || null })} />
          <MultiSelectFilter
            label="Role"
            options={context.roles.map((role) => ({ value: role.id, label: role.name }))}
            selected={query.role}
            onChange={(values) => update({ role: values.join(",") || null })}
          />
          <MultiSelectFilter label="Invited by" options={context.inviters} selected={query.inviter} onChange={(values) => update({ inviter: values.join(",") || null })} />
          {filtersActive ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setSearch("");
                update({ status: null, role: null, inviter: null, q: null });
              }}
            >
              Reset filters
            </Button>
          ) : null}
        </div>
        <div className="flex items-center gap-2">
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="outline" size="sm">
                <Columns3 aria-hidden className="size-4" /> Columns
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end" className="w-48">
              <DropdownMenuLabel>Show columns</DropdownMenuLabel>
              <DropdownMenuSeparator />
              {table
                .getAllLeafColumns()
                .filter((column) => column.getCanHide())
                .map((column) => (
                  <DropdownMenuCheckboxItem
                    key={column.id}
                    checked={column.getIsVisible()}
                    onCheckedChange={(checked) => column.toggleVisibility(checked === true)}
                    onSelect={(event) => event.preventDefault()}
                  >
                    {COLUMN_LABELS[column.id] ?? column.id}
                  </DropdownMenuCheckboxItem>
                ))}
            </DropdownMenuContent>
          </DropdownMenu>
          <InviteButton onClick={() => setInviteOpen(true)} />
        </div>
      </div>

      <div aria-busy={isPending} className={cn("transition-opacity", isPending && "opacity-60")}>
        <InvitationTableProvider value={rowContext}>
          <Table>
            <TableHeader>
              {table.getHeaderGroups().map((group) => (
                <TableRow key={group.id} className="hover:bg-transparent">
                  {group.headers.map((header) => {
                    const sorted = query.sort === header.column.id ? query.order : false;
                    const label = COLUMN_LABELS[header.column.id];
                    return (
                      <TableHead
                        key={header.id}
                        scope="col"
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                        className={header.column.id === "actions" ? cn("w-12", STICKY_ACTIONS, "bg-[color-mix(in_srgb,var(--muted)_50%,var(--background))]") : undefined}
                      >
                        {header.column.getCanSort() && label ? (
                          <SortableHeader label={label} sorted={sorted} onToggle={() => toggleSort(header.column.id)} />
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </TableHead>
                    );
                  })}
                </TableRow>
              ))}
            </TableHeader>
            <TableBody>
              {invitations.length === 0 ? (
                <TableRow className="hover:bg-transparent">
                  <TableCell colSpan={visibleColumns.length}>
                    <div className="flex flex-col items-center gap-2 py-10 text-center">
                      <SearchX aria-hidden className="size-6 text-muted-foreground" />
                      <p className="font-medium">No invitations match these filters</p>
                      <Button variant="link" size="sm" onClick={() => update({ status: null, role: null, inviter: null, q: null })}>
                        Clear all filters
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ) : (
                table.getRowModel().rows.map((row) => (
                  <TableRow key={row.id} className="group">
                    {row.getVisibleCells().map((cell) => (
                      <TableCell
                        key={cell.id}
                        className={
                          cell.column.id === "actions"
                            ? cn(STICKY_ACTIONS, "bg-background group-hover:bg-[color-mix(in_srgb,var(--muted)_40%,var(--background))]")
                            : undefined
                        }
                      >
                        <table.FlexRender cell={cell} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </InvitationTableProvider>
      </div>

      <div className="flex flex-col-reverse items-center justify-between gap-3 text-sm sm:flex-row">
        <p className="text-muted-foreground" aria-live="polite">
          {total === 0
            ? "No invitations"
            : `${formatCount((query.page - 1) * query.perPage + 1)}–${formatCount(Math.min(query.page * query.perPage, total))} of ${formatCount(total)}${totalIsCapped ? "+" : ""} invitations${totalIsCapped ? "; filter or search to narrow them" : ""}`}
        </p>
        <div className="flex items-center gap-2">
          <span className="text-muted-foreground" id="rows-per-page-label">
            Rows per page
          </span>
          <Select value={String(query.perPage)} onValueChange={(value) => update({ perPage: value })}>
            <SelectTrigger className="h-8 w-20" aria-labelledby="rows-per-page-label">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {[10, 20, 50, 100].map((size) => (
                <SelectItem key={size} value={String(size)}>
                  {size}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <span className="whitespace-nowrap px-2">
            Page {formatCount(query.page)} of {formatCount(pageCount)}
            {totalIsCapped ? "+" : ""}
          </span>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            aria-label="Previous page"
            disabled={query.page <= 1}
            onClick={() => update({ page: String(query.page - 1) }, { resetPage: false })}
          >
            <ChevronLeft aria-hidden className="size-4" />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            aria-label="Next page"
            disabled={query.page >= pageCount}
            onClick={() => update({ page: String(query.page + 1) }, { resetPage: false })}
          >
            <ChevronRight aria-hidden className="size-4" />
          </Button>
        </div>
      </div>
    </div>
  );
}
