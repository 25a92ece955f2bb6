"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, History, SearchX } from "lucide-react";
import { readList, toggleListValue } from "@/components/data-table/merge-query";
import { useUrlState } from "@/components/data-table/use-url-state";
import { MultiSelectFilter } from "@/components/invitations/multi-select-filter";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActivityQuery } from "@/lib/audit/activity-query";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import type { ActivityDetail, ActivityEntry } from "@/lib/audit/list-team-activity";
import { getCatalogue, type Catalogue } from "@/lib/i18n/catalogues";
import { localizeRoleName } from "@/lib/i18n/role-label";
import { cn } from "@/lib/utils/cn";

type Props = {
  language: string;
  entries: ActivityEntry[];
  people: Array<{ value: string; label: string }>;
  query: ActivityQuery;
  newerCursor: string | null;
  olderCursor: string | null;
};

const ANYONE = "anyone";
// Filters and paging both move the keyset cursor: a new filter starts again at the newest event.
const NO_CURSOR = { after: null, before: null };

function describeDetail(
  t: Catalogue["teamSettings"]["activity"],
  language: string,
  detail: ActivityDetail | null,
): string | null {
  if (!detail) return null;
  const role = (name: string) => localizeRoleName(language, name);
  switch (detail.kind) {
    case "role":
      return t.details.asRole(role(detail.role));
    case "roleChange":
      return t.details.roleChange(role(detail.from), role(detail.to));
    case "wasRole":
      return t.details.wasRole(role(detail.role));
    case "send":
      return t.details.sendNumber(detail.number);
    case "reason":
      return t.details.reason(detail.reason);
    case "domains":
      return detail.domains.length > 0 ? detail.domains.join(", ") : t.details.anyDomain;
    case "settings":
      return detail.fields.map((field) => t.details.settingNames[field] ?? field).join(", ");
  }
}

/** The team's activity log: filters and the keyset cursor live in the URL; the server renders each page. */
export function ActivityLog({ language, entries, people, query, newerCursor, olderCursor }: Props) {
  const t = getCatalogue(language).teamSettings.activity;
  const { params, update, isPending } = useUrlState();
  const filtered = query.kind.length > 0 || !!query.person;
  const resetFilters = () => update({ kind: null, person: null, ...NO_CURSOR });

  const actorName = (entry: ActivityEntry) => entry.actor?.name ?? t.actors[entry.actorFallback ?? "deleted"];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <MultiSelectFilter
          label={t.kind}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t.actions[action] }))}
          selected={readList(params.get("kind"))}
          onToggle={(value, checked) =>
            update((latest) => ({ kind: toggleListValue(latest.get("kind"), value, checked), ...NO_CURSOR }))
          }
          onClear={() => update({ kind: null, ...NO_CURSOR })}
        />
        <Select
          value={params.get("person") ?? ANYONE}
          onValueChange={(value) => update({ person: value === ANYONE ? null : value, ...NO_CURSOR })}
        >
          <SelectTrigger className="h-8 w-full border-dashed sm:w-64" aria-label={t.person}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANYONE}>
              {t.person}: {t.anyone}
            </SelectItem>
            {people.map((person) => (
              <SelectItem key={person.value} value={person.value}>
                {person.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={resetFilters}>
            {t.reset}
          </Button>
        ) : null}
      </div>

      {entries.length === 0 && !filtered && !query.after && !query.before ? (
        <EmptyState icon={<History aria-hidden />} title={t.empty} />
      ) : (
        <div aria-busy={isPending} className={cn("transition-opacity", isPending && "opacity-60")}>
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead scope="col" className="hidden sm:table-cell">
                  {t.columns.when}
                </TableHead>
                <TableHead scope="col">{t.columns.person}</TableHead>
                <TableHead scope="col">{t.columns.action}</TableHead>
                <TableHead scope="col" className="hidden md:table-cell">
                  {t.columns.details}
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.length === 0 ? (
                <TableRow className="hover:bg-transparent">
                  <TableCell colSpan={4}>
                    <div className="flex flex-col items-center gap-2 py-10 text-center">
                      <SearchX aria-hidden className="size-6 text-muted-foreground" />
                      <p className="font-medium">{t.emptyFiltered}</p>
                      {filtered ? (
                        <Button variant="link" size="sm" onClick={resetFilters}>
                          {t.reset}
                        </Button>
                      ) : null}
                    </div>
                  </TableCell>
                </TableRow>
              ) : (
                entries.map((entry) => {
                  const detail = describeDetail(t, language, entry.detail);
                  return (
                    <TableRow key={entry.id} data-action={entry.action}>
                      <TableCell className="hidden whitespace-nowrap align-top sm:table-cell">
                        <LocalTime value={entry.at} style="dateTime" />
                      </TableCell>
                      <TableCell className="max-w-[40vw] align-top sm:max-w-60">
                        <span className="block truncate font-medium" title={entry.actor?.email}>
                          {actorName(entry)}
                        </span>
                        {entry.actor ? (
                          <span className="block truncate text-xs text-muted-foreground" title={entry.actor.email}>
                            {entry.actor.email}
                          </span>
                        ) : null}
                        {/* On a phone the time sits under the person; its column returns on wider screens. */}
                        <span className="block text-xs text-muted-foreground sm:hidden">
                          <LocalTime value={entry.at} style="dateTime" />
                        </span>
                      </TableCell>
                      <TableCell className="align-top">
                        <Badge variant="secondary" className="whitespace-normal text-left">
                          {t.actions[entry.action] ?? entry.action}
                        </Badge>
                        {entry.target ? <span className="mt-1 block break-all text-sm">{entry.target}</span> : null}
                        {detail ? (
                          <span className="mt-0.5 block break-words text-xs text-muted-foreground md:hidden">
                            {detail}
                          </span>
                        ) : null}
                      </TableCell>
                      <TableCell className="hidden align-top text-sm text-muted-foreground md:table-cell">
                        {detail ?? "—"}
                      </TableCell>
                    </TableRow>
                  );
                })
              )}
            </TableBody>
          </Table>
        </div>
      )}

      <nav aria-label={t.title} className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-muted-foreground" aria-live="polite">
          {t.shown(entries.length)}
        </p>
        <div className="flex items-center gap-2">
          <Button variant="outline" size="sm" disabled={!newerCursor} onClick={() => update(NO_CURSOR)}>
            <ChevronsLeft aria-hidden className="size-4" /> {t.newest}
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={!newerCursor}
            onClick={() => update({ after: null, before: newerCursor })}
          >
            <ChevronLeft aria-hidden className="size-4" /> {t.newer}
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={!olderCursor}
            onClick={() => update({ before: null, after: olderCursor })}
          >
            {t.older} <ChevronRight aria-hidden className="size-4" />
          </Button>
        </div>
      </nav>
    </div>
  );
}
