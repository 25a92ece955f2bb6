"use client";

import {
  useTable,
  type RowSelectionState,
  type SortingState,
  type ColumnVisibilityState as VisibilityState,
} from "@tanstack/react-table";
import { Columns3, Download, Mail, SearchX } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { readList, stepPage, toggleListValue } from "@/components/data-table/merge-query";
import { PaginationBar } from "@/components/data-table/pagination-bar";
import { useSearchBox } from "@/components/data-table/use-search-box";
import { useUrlState } from "@/components/data-table/use-url-state";
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
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { InvitationStatusCounts } from "@/lib/invitations/count-invitations-by-status";
import type { InvitationListQuery } from "@/lib/invitations/schemas";
import { cn } from "@/lib/utils/cn";
import { InvitationBulkBar } from "./invitation-bulk-bar";
import { COLUMN_LABELS, invitationColumns } from "./invitation-columns";
import type { InvitationRow, InvitationOptions } from "./invitation-row";
import { STATUS_OPTIONS } from "./invitation-status-badge";
import { InvitationStatusTabs } from "./invitation-status-tabs";
import { invitationFeatures } from "./invitation-table-features";
import { InvitationTableProvider } from "./invitation-table-provider";
import { ImportButton, ImportInvitationsDialog } from "./import-invitations-dialog";
import { InviteButton, InviteDialog } from "./invite-dialog";
import { MultiSelectFilter } from "./multi-select-filter";
import { SortableHeader } from "./sortable-header";
import { useStoredVisibility } from "./use-stored-visibility";

type Props = {
  invitations: InvitationRow[];
  total: number;
  /** The count stopped at `total`; there are more. */
  totalIsCapped: boolean;
  teamHasInvitations: boolean;
  pageCount: number;
  query: InvitationListQuery;
  context: InvitationOptions;
  /** Each status's count in the team, for the status tabs. */
  statusCounts: InvitationStatusCounts;
  /** The viewer's language for the status tabs and bulk actions ("en" or "fr"). */
  language: string;
};

/** What is selected, for the URL state it was made under: another page or filter starts afresh. */
type Selection = { key: string; rows: RowSelectionState; matching: boolean };

const VISIBILITY_KEY = "teamgate.invitations.columns";
const DEFAULT_VISIBILITY: VisibilityState = { id: false };

// The row menu stays in reach when the columns are wider than the screen and the table scrolls;
// below lg its edge and shadow show that more columns pass under it.
const STICKY_ACTIONS =
  "sticky right-0 z-10 shadow-[inset_1px_0_0_var(--border),-8px_0_8px_-8px_rgb(0_0_0/0.35)] lg:shadow-none";

export function InvitationsTable({
  invitations,
  total,
  totalIsCapped,
  teamHasInvitations,
  pageCount,
  query,
  context,
  statusCounts,
  language,
}: Props) {
  const router = useRouter();
  const { params, update, isPending } = useUrlState();
  const [inviteOpen, setInviteOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [columnVisibility, setColumnVisibility] = useStoredVisibility(VISIBILITY_KEY, DEFAULT_VISIBILITY);

  const searchBox = useSearchBox(query.q, update);
  const clearFilters = () => {
    searchBox.clear();
    update({ status: null, role: null, inviter: null, q: null });
  };
  const listFilter = (key: "status" | "role" | "inviter") => ({
    selected: readList(params.get(key)),
    onToggle: (value: string, checked: boolean) =>
      update((latest) => ({ [key]: toggleListValue(latest.get(key), value, checked) })),
    onClear: () => update({ [key]: null }),
  });

  // The server redirects a page past the end to the last page; this is only a race's leftover.
  const pastTheEnd = invitations.length === 0 && total > 0;
  const rowContext = useMemo(
    () => ({ context, onChanged: () => router.refresh(), language }),
    [context, router, language],
  );
  const selectionKey = JSON.stringify(query);
  const [storedSelection, setSelection] = useState<Selection>({ key: selectionKey, rows: {}, matching: false });
  const selection =
    storedSelection.key === selectionKey ? storedSelection : { key: selectionKey, rows: {}, matching: false };
  const clearSelection = () => setSelection({ key: selectionKey, rows: {}, matching: false });
  // Rows a single action removed since they were ticked are not selected any more.
  const selectedIds = invitations.filter((row) => selection.rows[row.id]).map((row) => row.id);
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
      rowSelection: selection.rows,
    },
    onRowSelectionChange: (updater) =>
      setSelection({
        key: selectionKey,
        rows: typeof updater === "function" ? updater(selection.rows) : updater,
        matching: false,
      }),
    onColumnVisibilityChange: (updater) =>
      setColumnVisibility(typeof updater === "function" ? updater(columnVisibility) : updater),
  });

  // Built on the newest URL asked for, so a second click before the first lands still counts.
  const toggleSort = (id: string) =>
    update((latest) => {
      const sort = latest.get("sort") ?? "createdAt";
      const order = latest.get("order") ?? "desc";
      return { sort: id, order: sort === id && order === "asc" ? "desc" : "asc" };
    });
  const filtersActive = query.status.length + query.role.length + query.inviter.length > 0 || !!query.q;
  const visibleColumns = table.getVisibleLeafColumns();

  const inviteDialog = (
    <>
      <InviteDialog
        context={context}
        onInvited={() => router.refresh()}
        open={inviteOpen}
        onOpenChange={setInviteOpen}
      />
      <ImportInvitationsDialog context={context} language={language} open={importOpen} onOpenChange={setImportOpen} />
    </>
  );
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
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <ImportButton language={language} onClick={() => setImportOpen(true)} />
              <InviteButton onClick={() => setInviteOpen(true)} />
            </div>
          }
        />
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {inviteDialog}
      <InvitationStatusTabs
        language={language}
        counts={statusCounts}
        selected={query.status}
        onSelect={(status) => update({ status })}
      />
      {/* Filters, then actions: one row only where both fit whole (below 2xl each wraps on its own row). */}
      <div className="flex flex-col gap-2 2xl:flex-row 2xl:items-center 2xl:justify-between">
        <div className="flex flex-wrap items-center gap-2">
          <Input
            type="search"
            aria-label="Search by email"
            placeholder="Search by email…"
            value={searchBox.search}
            onChange={(event) => searchBox.type(event.target.value)}
            className="h-8 w-full sm:w-60"
          />
          <MultiSelectFilter label="Status" options={STATUS_OPTIONS} {...listFilter("status")} />
          <MultiSelectFilter
            label="Role"
            options={context.roles.map((role) => ({ value: role.id, label: role.name }))}
            {...listFilter("role")}
          />
          <MultiSelectFilter label="Invited by" options={context.inviters} {...listFilter("inviter")} />
          {filtersActive ? (
            <Button variant="ghost" size="sm" onClick={clearFilters}>
              Reset filters
            </Button>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="outline" size="sm" asChild>
            {/* A plain link: the server streams the file, with the table's filters and sort from this URL. */}
            <a href={exportHref(context.teamSlug, query)} download>
              <Download aria-hidden className="size-4" /> {getCatalogue(language).invitationCsv.exportButton}
            </a>
          </Button>
          <ImportButton language={language} onClick={() => setImportOpen(true)} />
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

      {selectedIds.length > 0 ? (
        <InvitationBulkBar
          language={language}
          teamSlug={context.teamSlug}
          selection={
            selection.matching
              ? {
                  kind: "matching",
                  filter: { status: query.status, role: query.role, inviter: query.inviter, q: query.q },
                }
              : { kind: "rows", ids: selectedIds }
          }
          pageFullySelected={selectedIds.length === invitations.length}
          total={total}
          totalIsCapped={totalIsCapped}
          onSelectAllMatching={() => setSelection({ ...selection, matching: true })}
          onClear={clearSelection}
          onDone={() => {
            clearSelection();
            router.refresh();
          }}
        />
      ) : null}

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
                        className={
                          header.column.id === "actions"
                            ? cn("w-12", STICKY_ACTIONS, "bg-[color-mix(in_srgb,var(--muted)_50%,var(--background))]")
                            : undefined
                        }
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
                    {pastTheEnd ? (
                      <div className="flex flex-col items-center gap-2 py-10 text-center">
                        <p className="font-medium">This page is past the end of the list</p>
                        <Button
                          variant="link"
                          size="sm"
                          onClick={() =>
                            update({ page: pageCount > 1 ? String(pageCount) : null }, { resetPage: false })
                          }
                        >
                          Go to the last page
                        </Button>
                      </div>
                    ) : filtersActive ? (
                      <div className="flex flex-col items-center gap-2 py-10 text-center">
                        <SearchX aria-hidden className="size-6 text-muted-foreground" />
                        <p className="font-medium">No invitations match these filters</p>
                        <Button variant="link" size="sm" onClick={clearFilters}>
                          Clear all filters
                        </Button>
                      </div>
                    ) : (
                      <p className="py-10 text-center font-medium">No invitations</p>
                    )}
                  </TableCell>
                </TableRow>
              ) : (
                table.getRowModel().rows.map((row) => (
                  <TableRow key={row.id} className="group" data-state={row.getIsSelected() ? "selected" : undefined}>
                    {row.getVisibleCells().map((cell) => (
                      <TableCell
                        key={cell.id}
                        className={
                          cell.column.id === "actions"
                            ? cn(
                                STICKY_ACTIONS,
                                "bg-background group-hover:bg-[color-mix(in_srgb,var(--muted)_40%,var(--background))]",
                              )
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

      <PaginationBar
        page={query.page}
        pageCount={pageCount}
        perPage={query.perPage}
        shown={invitations.length}
        total={total}
        totalIsCapped={totalIsCapped}
        noun={{ one: "invitation", other: "invitations" }}
        onPageChange={(step) => update((latest) => stepPage(latest, step, pageCount), { resetPage: false })}
        onPerPageChange={(value) => update({ perPage: value })}
      />
    </div>
  );
}

/** The export route reads the table's own URL state; paging is not part of what it selects. */
function exportHref(teamSlug: string, query: InvitationListQuery): string {
  const params = new URLSearchParams();
  for (const key of ["status", "role", "inviter"] as const)
    if (query[key].length > 0) params.set(key, query[key].join(","));
  if (query.q) params.set("q", query.q);
  params.set("sort", query.sort);
  params.set("order", query.order);
  return `/teams/${teamSlug}/settings/invitations/export?${params}`;
}
