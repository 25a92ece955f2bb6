"use client";

import type { Row, Table } from "@tanstack/react-table";
import { Checkbox } from "@/components/ui/checkbox";
import { getInvitationsBulkMessages } from "@/lib/i18n/invitations-bulk";
import type { InvitationRow } from "./invitation-row";
import type { invitationFeatures } from "./invitation-table-features";
import { useInvitationTable } from "./invitation-table-provider";

type Features = typeof invitationFeatures;

/** The header's checkbox: every row of this page, indeterminate when some are chosen. */
export function SelectPageCheckbox({ table }: { table: Table<Features, InvitationRow> }) {
  const { language } = useInvitationTable();
  const all = table.getIsAllPageRowsSelected();
  return (
    <Checkbox
      aria-label={getInvitationsBulkMessages(language).selection.selectPage}
      checked={all ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false}
      onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked === true)}
    />
  );
}

export function SelectRowCheckbox({ row }: { row: Row<Features, InvitationRow> }) {
  const { language } = useInvitationTable();
  return (
    <Checkbox
      aria-label={getInvitationsBulkMessages(language).selection.selectRow(row.original.email)}
      checked={row.getIsSelected()}
      onCheckedChange={(checked) => row.toggleSelected(checked === true)}
    />
  );
}
