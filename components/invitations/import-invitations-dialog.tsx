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
import { getCatalogue } from "@/lib/i18n/catalogues";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/invitations/parse-invitation-csv";
import type { ResolvedImportRow } from "@/lib/invitations/resolve-import-rows";
import { MAX_INVITATION_MESSAGE_LENGTH } from "@/lib/invitations/schemas";
import { ImportOutcomeBadge, showsReason, summarizeImportOutcomes } from "./import-outcome-badge";
import type { InvitationOptions } from "./invitation-row";
import { LANGUAGE_OPTIONS, roleOptions } from "./select-options";

type Props = { context: InvitationOptions; language: string; open: boolean; onOpenChange: (open: boolean) => void };
type File = { name: string; text: string };

/**
 * Upload a CSV, see what each row would do (the invite dialog's checks, on the server), then
 * start the import: the server stores it and invites the rows in the background, and the
 * browser goes to the import's page to follow it.
 */
export function ImportInvitationsDialog({ context, language: viewerLanguage, open, onOpenChange: setOpen }: Props) {
  const router = useRouter();
  const t = getCatalogue(viewerLanguage).invitationCsv;
  const maxRows = MAX_IMPORT_ROWS.toLocaleString(viewerLanguage);
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
        if (current) setError(t.checkFailed);
      } finally {
        if (current) setChecking(false);
      }
    };
    void check();
    return () => {
      current = false;
    };
  }, [file, roleId, language, context.teamSlug, t]);

  const choose = async (chosen: globalThis.File | undefined) => {
    setRows(null);
    setError(null);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFile(null);
      return setError(t.tooLarge(maxRows));
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
          <DialogTitle>{t.dialogTitle}</DialogTitle>
          <DialogDescription>{t.dialogDescription(maxRows)}</DialogDescription>
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
            <Label htmlFor="import-file">{t.file}</Label>
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
              label={t.defaultRole}
              value={roleId}
              onValueChange={setRoleId}
              options={roleOptions(grantable)}
              placeholder={t.chooseRole}
              className="space-y-2"
            />
            <SelectField
              id="import-language"
              label={t.defaultLanguage}
              value={language}
              onValueChange={setLanguage}
              options={LANGUAGE_OPTIONS}
              className="space-y-2"
            />
          </div>
          <div className="space-y-2">
            <Label htmlFor="import-message">{t.message}</Label>
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
                ? t.checking
                : rows
                  ? t.rowsSummary(
                      rows.length,
                      summarizeImportOutcomes(
                        rows.map((row) => row.outcome),
                        viewerLanguage,
                      ),
                    )
                  : ""}
            </p>
            {rows && rows.length > 0 ? (
              <ul
                aria-label={t.rowsCheck}
                className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border p-2 text-sm"
              >
                {rows.map((row) => (
                  <li key={row.row} className="flex items-start justify-between gap-3">
                    <span className="min-w-0 break-all">
                      <span className="text-muted-foreground">{row.row}.</span> {row.email || t.empty}
                      {row.outcome === "invited" ? (
                        <span className="block text-xs text-muted-foreground">
                          {[row.role?.name, ...row.groups.map((group) => group.name), row.language.toUpperCase()]
                            .filter(Boolean)
                            .join(" · ")}
                        </span>
                      ) : showsReason(row.outcome, row.reason) ? (
                        <span className="block text-xs text-muted-foreground">{row.reason}</span>
                      ) : null}
                    </span>
                    <ImportOutcomeBadge outcome={row.outcome} language={viewerLanguage} preview />
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t.cancel}
            </Button>
            <Button type="submit" pending={starting} disabled={!file || !roleId || checking || sendable === 0}>
              {t.start(sendable)}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ImportButton({ language, ...props }: ComponentProps<typeof Button> & { language: string }) {
  return (
    <Button size="sm" variant="outline" {...props}>
      <FileUp aria-hidden className="size-4" /> {getCatalogue(language).invitationCsv.importButton}
    </Button>
  );
}
