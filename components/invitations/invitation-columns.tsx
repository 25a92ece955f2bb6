"use client";

import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { invitationFeatures } from "./invitation-table-features";
import { DeliveryBadge, InvitationStatusBadge } from "./invitation-status-badge";
import type { InvitationRow } from "./invitation-row";
import { InvitationRowActions } from "./invitation-row-actions";
import { SelectPageCheckbox, SelectRowCheckbox } from "./select-checkboxes";

const helper = createColumnHelper<typeof invitationFeatures, InvitationRow>();

export const COLUMN_LABELS: Record<string, string> = {
  email: "Email",
  status: "Status",
  role: "Role",
  groups: "Groups",
  inviter: "Invited by",
  createdAt: "Invited",
  expiresAt: "Expires",
  delivery: "Delivery",
  id: "Invitation ID",
};

/**
 * Column definitions; ids double as the server's whitelisted sort keys where sortable. Built once:
 * their `cell` functions are component types to TanStack, so they must keep their identity.
 */
export const invitationColumns = helper.columns([
  helper.display({
    id: "select",
    header: (info) => <SelectPageCheckbox table={info.table} />,
    enableHiding: false,
    enableSorting: false,
    cell: (info) => <SelectRowCheckbox row={info.row} />,
  }),
  helper.accessor("email", {
    id: "email",
    header: COLUMN_LABELS.email,
    cell: (info) => (
      <span
        className="block min-w-24 max-w-[calc(100vw-16rem)] truncate font-medium sm:max-w-64"
        title={info.getValue()}
      >
        {info.getValue()}
      </span>
    ),
    enableHiding: false,
  }),
  // Fixed minimum widths: a row changing status (Pending → Withdrawn) must not move the columns.
  // On a phone the email gives way (the viewport less the checkbox, status and menu columns) so
  // that its status shows whole beside the pinned row menu.
  helper.accessor("status", {
    id: "status",
    header: COLUMN_LABELS.status,
    cell: (info) => (
      <span className="block min-w-20">
        <InvitationStatusBadge status={info.getValue()} />
      </span>
    ),
  }),
  helper.accessor((row) => row.role.name, { id: "role", header: COLUMN_LABELS.role }),
  helper.accessor((row) => row.groups.map((g) => g.name).join(", "), {
    id: "groups",
    header: COLUMN_LABELS.groups,
    enableSorting: false,
    cell: (info) =>
      info.row.original.groups.length === 0 ? (
        <span className="text-muted-foreground">—</span>
      ) : (
        <span className="flex flex-wrap gap-1">
          {info.row.original.groups.map((group) => (
            <Badge key={group.id} variant="secondary">
              {group.name}
            </Badge>
          ))}
        </span>
      ),
  }),
  helper.accessor((row) => row.inviter?.name ?? "", {
    id: "inviter",
    header: COLUMN_LABELS.inviter,
    cell: (info) => info.getValue() || <span className="text-muted-foreground">Former member</span>,
  }),
  helper.accessor("createdAt", {
    id: "createdAt",
    header: COLUMN_LABELS.createdAt,
    cell: (info) => <LocalTime value={info.getValue()} className="whitespace-nowrap" />,
  }),
  helper.accessor("expiresAt", {
    id: "expiresAt",
    header: COLUMN_LABELS.expiresAt,
    cell: (info) =>
      info.row.original.status === "PENDING" || info.row.original.status === "EXPIRED" ? (
        <LocalTime value={info.getValue()} relative className="inline-block min-w-20 whitespace-nowrap" />
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  }),
  helper.accessor((row) => row.delivery.status, {
    id: "delivery",
    header: COLUMN_LABELS.delivery,
    cell: (info) => (
      <span className="block min-w-[5.5rem]">
        <DeliveryBadge status={info.getValue()} error={info.row.original.delivery.error} />
      </span>
    ),
  }),
  helper.accessor("id", {
    id: "id",
    header: COLUMN_LABELS.id,
    cell: (info) => <code className="text-xs">{info.getValue()}</code>,
  }),
  helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    enableHiding: false,
    enableSorting: false,
    cell: (info) => <InvitationRowActions invitation={info.row.original} />,
  }),
]) as Array<ColumnDef<typeof invitationFeatures, InvitationRow, unknown>>;
