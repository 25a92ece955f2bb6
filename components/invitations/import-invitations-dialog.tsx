"use client";

import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { useEffect, useState, useTransition } from "react";
import { previewInvitationImportAction } from "@/actions/invitations/preview-invitation-import-action";
import { startInvitationImportAction } from "@/actions/invitations/start-invitation-import-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SelectField } from "@/components/ui/select-field";
import { Textarea } from "@/components/ui/textarea";
import { pluralize } from "@/lib/i18n/pluralize";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/invitations/parse-invitation-csv";
import type { ResolvedImportRow } from "@/lib/invitations/resolve-import-rows";
import { MAX_INVITATION_MESSAGE_LENGTH } from "@/lib/invitations/schemas";
import { ImportOutcomeBadge, summarizeImportOutcomes } from "./import-outcome-badge";
import type { InvitationOptions } from "./invitation-row";
import { LANGUAGE_OPTIONS, roleOptions } from "./select-options";

type Props = { context: InvitationOptions; open: boolean; onOpenChange: (open: boolean) => void };
type File = { name: string; text: string };

/**
 * Upload a CSV, see what each row would do (the invite dialog's checks, on the server), then
 * start the import: the server stores it and invites the rows in the background, and the
 * browser goes to the import's page to follow it.
 */
export function ImportInvitationsDialog({ context, open, onOpenChange: setOpen }: Props) {
  const router = useRouter();
  const grantable = context.grantableRoles;
  const [file, setFile] = useState<File | null>(null);
  const [roleId, setRoleId] = useState(grantable.at(-1)?.id ?? "");
  const [language, setLanguage] = useState("en");
  const [message, setMessage] = useState("");
  const [rows, setRows] = useState<ResolvedImportRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [starting, startStarting] = useTransition();

  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setFile(null);
      setRows(null);
      setError(null);
      setMessage("");
    }
  }

  useEffect(() => {
    if (!file) return;
    let current = true;
    const check = async () => {
      setChecking(true);
      try {
        const result = await previewInvitationImportAction({
          teamSlug: context.teamSlug,
          file: { fileName: file.name, csv: file.text, roleId, language },
        });
        if (!current) return;
        if (result.ok) {
          setRows(result.rows);
          setError(null);
        } else {
          setRows(null);
          setError(result.error);
        }
      } catch {
        if (current) setError("Couldn't check this file just now. Try again in a moment.");
      } finally {
        if (current) setChecking(false);
      }
    };
    void check();
    return () => {
      current = false;
    };
  }, [file, roleId, language, context.teamSlug]);

  const choose = async (chosen: globalThis.File | undefined) => {
    setRows(null);
    setError(null);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFile(null);
      return setError(`This file is too large: at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows.`);
    }
    setFile({ name: chosen.name.slice(0, 200) || "import.csv", text: await chosen.text() });
  };

  const sendable = rows?.filter((row) => row.outcome === "invited").length ?? 0;
  const start = () =>
    startStarting(async () => {
      if (!file) return;
      const result = await startInvitationImportAction({
        teamSlug: context.teamSlug,
        file: { fileName: file.name, csv: file.text, roleId, language, message },
      });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      router.push(`/teams/${context.teamSlug}/settings/invitations/imports/${result.importId}`);
    });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Import invitations from CSV</DialogTitle>
          <DialogDescription>
            A header row, then one invitation per row. Columns: <code>email</code> (required), <code>role</code>,{" "}
            <code>groups</code> (separated by <code>;</code>) and <code>language</code>. Up to{" "}
            {MAX_IMPORT_ROWS.toLocaleString("en")} rows; empty cells take the defaults below.
          </DialogDescription>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          {error ? <Alert variant="destructive">{error}</Alert> : null}
          <div className="space-y-2">
            <Label htmlFor="import-file">CSV file</Label>
            <Input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => void choose(event.target.files?.[0])}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              id="import-role"
              label="Default role"
              value={roleId}
              onValueChange={setRoleId}
              options={roleOptions(grantable)}
              placeholder="Choose a role"
              className="space-y-2"
            />
            <SelectField
              id="import-language"
              label="Default email language"
              value={language}
              onValueChange={setLanguage}
              options={LANGUAGE_OPTIONS}
              className="space-y-2"
            />
          </div>
          <div className="space-y-2">
            <Label htmlFor="import-message">Personal message (optional)</Label>
            <Textarea
              id="import-message"
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              rows={2}
              maxLength={MAX_INVITATION_MESSAGE_LENGTH}
            />
          </div>
          <div>
            <p aria-live="polite" aria-atomic="true" className="text-xs text-muted-foreground">
              {checking
                ? "Checking the file…"
                : rows
                  ? `${rows.length.toLocaleString("en")} ${pluralize("en", rows.length, { one: "row", other: "rows" })}: ${summarizeImportOutcomes(rows.map((row) => row.outcome))}`
                  : ""}
            </p>
            {rows && rows.length > 0 ? (
              <ul
                aria-label="Rows check"
                className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border p-2 text-sm"
              >
                {rows.map((row) => (
                  <li key={row.row} className="flex items-start justify-between gap-3">
                    <span className="min-w-0 break-all">
                      <span className="text-muted-foreground">{row.row}.</span> {row.email || "(empty)"}
                      {row.outcome === "invited" ? (
                        <span className="block text-xs text-muted-foreground">
                          {[row.role?.name, ...row.groups.map((group) => group.name), row.language.toUpperCase()]
                            .filter(Boolean)
                            .join(" · ")}
                        </span>
                      ) : row.reason ? (
                        <span className="block text-xs text-muted-foreground">{row.reason}</span>
                      ) : null}
                    </span>
                    <ImportOutcomeBadge outcome={row.outcome} preview />
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={starting} disabled={!file || !roleId || checking || sendable === 0}>
              Start import{sendable > 0 ? ` (${sendable.toLocaleString("en")})` : ""}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ImportButton(props: ComponentProps<typeof Button>) {
  return (
    <Button size="sm" variant="outline" {...props}>
      <FileUp aria-hidden className="size-4" /> Import CSV
    </Button>
  );
}
