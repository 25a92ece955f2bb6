"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { InvitationOptions } from "./invitation-row";

/** `language`: what the selection checkboxes' labels speak (the bulk actions' catalogue). */
type Value = { context: InvitationOptions; onChanged: () => void; language: string };

const TableContext = createContext<Value | null>(null);

/**
 * The table's cells read what they need from here rather than from closures in the column
 * definitions: TanStack renders each `cell` function as a component type, so columns rebuilt
 * on every refresh would remount the cells and close any dialog a row has open.
 */
export function InvitationTableProvider({ value, children }: { value: Value; children: ReactNode }) {
  return <TableContext.Provider value={value}>{children}</TableContext.Provider>;
}

export function useInvitationTable(): Value {
  const value = useContext(TableContext);
  if (!value) throw new Error("useInvitationTable must be used inside InvitationTableProvider");
  return value;
}
