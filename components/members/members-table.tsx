"use client";

import { SearchX } from "lucide-react";
import { stepPage } from "@/components/data-table/merge-query";
import { PaginationBar } from "@/components/data-table/pagination-bar";
import { useSearchBox } from "@/components/data-table/use-search-box";
import { useUrlState } from "@/components/data-table/use-url-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TeamMemberDto } from "@/lib/members/list-team-members";
import type { MemberListQuery } from "@/lib/members/member-list-query";
import { cn } from "@/lib/utils/cn";
import { MemberRowActions } from "./member-row-actions";

type Props = {
  members: TeamMemberDto[];
  query: MemberListQuery;
  total: number;
  pageCount: number;
  teamSlug: string;
  /** Roles the viewer may grant, as the server decided; empty when they can't manage members. */
  grantableRoles: Array<{ id: string; name: string }>;
};

export function MembersTable({ members, query, total, pageCount, teamSlug, grantableRoles }: Props) {
  const canManage = grantableRoles.length > 0;
  const { update, isPending } = useUrlState();
  const searchBox = useSearchBox(query.q, update);
  const columnCount = canManage ? 6 : 5;
  return (
    <div className="space-y-3">
      <Input
        type="search"
        aria-label="Search members by name or email"
        placeholder="Search by name or email…"
        value={searchBox.search}
        onChange={(event) => searchBox.type(event.target.value)}
        className="h-8 w-full sm:w-72"
      />
      <div aria-busy={isPending} className={cn("transition-opacity", isPending && "opacity-60")}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col" className="hidden sm:table-cell">
                Email
              </TableHead>
              <TableHead scope="col">Role</TableHead>
              <TableHead scope="col" className="hidden md:table-cell">
                Groups
              </TableHead>
              <TableHead scope="col" className="hidden sm:table-cell">
                Joined
              </TableHead>
              {canManage ? (
                <TableHead scope="col">
                  <span className="sr-only">Actions</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.length === 0 ? (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={columnCount}>
                  <div className="flex flex-col items-center gap-2 py-10 text-center">
                    <SearchX aria-hidden className="size-6 text-muted-foreground" />
                    <p className="font-medium">No members match “{query.q}”</p>
                    <Button
                      variant="link"
                      size="sm"
                      onClick={() => {
                        searchBox.clear();
                        update({ q: null });
                      }}
                    >
                      Clear the search
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ) : (
              members.map((member) => (
                <TableRow key={member.id}>
                  <TableCell className="max-w-[45vw] sm:max-w-none">
                    <span className="block truncate font-medium" title={member.name}>
                      {member.name}
                    </span>
                    {/* On a phone the email sits under the name; its column returns on wider screens. */}
                    <span className="block truncate text-xs text-muted-foreground sm:hidden" title={member.email}>
                      {member.email}
                    </span>
                  </TableCell>
                  <TableCell className="hidden max-w-72 sm:table-cell">
                    <span className="block truncate" title={member.email}>
                      {member.email}
                    </span>
                  </TableCell>
                  <TableCell>
                    <Badge variant="secondary">{member.role.name}</Badge>
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">
                    {member.groups.join(", ") || "—"}
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap sm:table-cell">
                    <LocalTime value={member.joinedAt} />
                  </TableCell>
                  {canManage ? (
                    <TableCell className="w-12">
                      {member.can.changeRole || member.can.remove ? (
                        <MemberRowActions teamSlug={teamSlug} member={member} roles={grantableRoles} />
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <PaginationBar
        page={query.page}
        pageCount={pageCount}
        perPage={query.perPage}
        shown={members.length}
        total={total}
        noun={{ one: "member", other: "members" }}
        onPageChange={(step) => update((latest) => stepPage(latest, step, pageCount), { resetPage: false })}
        onPerPageChange={(value) => update({ perPage: value })}
      />
    </div>
  );
}
