"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { updateTeamSettingsAction } from "@/actions/teams/update-team-settings-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { TeamSettingsDto } from "@/lib/teams/read-team-settings";
import { TEAM_CHECKBOX_FIELDS, type BooleanTeamColumn } from "@/lib/teams/team-setting-fields";

type Props = {
  teamSlug: string;
  language: string;
  settings: TeamSettingsDto;
  seats: { members: number; pending: number };
};

type FieldErrors = Partial<Record<"name" | "invitationLifetimeDays" | "seatLimit", string>>;

/** A number field's text as the action expects it: empty → null; anything else a number (NaN is refused by the schema). */
const toNumber = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

export function GeneralSettingsForm({ teamSlug, language, settings, seats }: Props) {
  const t = getCatalogue(language).teamSettings.general;
  const lang = language === "fr" ? "fr" : "en";
  const router = useRouter();
  const [name, setName] = useState(settings.name);
  const [lifetime, setLifetime] = useState(String(settings.invitationLifetimeDays));
  const [seatLimit, setSeatLimit] = useState(settings.seatLimit === null ? "" : String(settings.seatLimit));
  const [checkboxes, setCheckboxes] = useState(settings.checkboxes);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();
  const used = seats.members + seats.pending;

  const submit = () =>
    startTransition(async () => {
      const result = await updateTeamSettingsAction({
        teamSlug,
        settings: {
          name,
          invitationLifetimeDays: toNumber(lifetime) ?? Number.NaN,
          seatLimit: toNumber(seatLimit),
          checkboxes,
        },
      });
      if (!result.ok) {
        const fields = result.fieldErrors ?? {};
        const pick = (key: string) => fields[key]?.[0] ?? fields[`settings.${key}`]?.[0];
        const next = {
          name: pick("name"),
          invitationLifetimeDays: pick("invitationLifetimeDays"),
          seatLimit: pick("seatLimit"),
        };
        setFieldErrors(next);
        // Said once: beside its field when it belongs to one, above the form otherwise.
        setError(Object.values(next).some(Boolean) ? null : result.error);
        return;
      }
      setError(null);
      setFieldErrors({});
      toast.success(result.changed.length > 0 ? t.saved : t.nothingChanged);
      router.refresh();
    });

  const describedBy = (id: string, key: keyof FieldErrors) =>
    fieldErrors[key] ? `${id}-error ${id}-hint` : `${id}-hint`;
  const fieldError = (id: string, key: keyof FieldErrors) =>
    fieldErrors[key] ? (
      <p id={`${id}-error`} className="text-sm text-destructive">
        {fieldErrors[key]}
      </p>
    ) : null;

  return (
    <form
      className="max-w-lg space-y-5"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="space-y-2">
        <Label htmlFor="team-name">{t.name}</Label>
        <Input
          id="team-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={200}
          aria-invalid={!!fieldErrors.name || undefined}
          aria-describedby={describedBy("team-name", "name")}
        />
        {fieldError("team-name", "name")}
        <p id="team-name-hint" className="text-sm text-muted-foreground">
          {t.nameHint}
        </p>
      </div>

      <div className="space-y-2">
        <Label htmlFor="invitation-lifetime">{t.lifetime}</Label>
        <div className="flex items-center gap-2">
          <Input
            id="invitation-lifetime"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            step={1}
            value={lifetime}
            onChange={(event) => setLifetime(event.target.value)}
            className="w-24"
            aria-invalid={!!fieldErrors.invitationLifetimeDays || undefined}
            aria-describedby={describedBy("invitation-lifetime", "invitationLifetimeDays")}
          />
          <span className="text-sm text-muted-foreground">{t.lifetimeUnit}</span>
        </div>
        {fieldError("invitation-lifetime", "invitationLifetimeDays")}
        <p id="invitation-lifetime-hint" className="text-sm text-muted-foreground">
          {t.lifetimeHint}
        </p>
      </div>

      <div className="space-y-2">
        <Label htmlFor="seat-limit">{t.seatLimit}</Label>
        <Input
          id="seat-limit"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={seatLimit}
          placeholder={t.unlimited}
          onChange={(event) => setSeatLimit(event.target.value)}
          className="w-32"
          aria-invalid={!!fieldErrors.seatLimit || undefined}
          aria-describedby={describedBy("seat-limit", "seatLimit")}
        />
        {fieldError("seat-limit", "seatLimit")}
        <p id="seat-limit-hint" className="text-sm text-muted-foreground">
          {t.seatLimitHint} {t.seatsUsed(used, seats.members, seats.pending)}
        </p>
      </div>

      {/* Boolean team settings: one checkbox per line of TEAM_CHECKBOX_FIELDS (lib/teams/team-setting-fields.ts). */}
      {TEAM_CHECKBOX_FIELDS.length > 0 ? (
        <fieldset className="space-y-3 rounded-md border p-4">
          <legend className="px-1 text-sm font-medium">{t.notifications}</legend>
          {TEAM_CHECKBOX_FIELDS.map((field) => (
            <div key={field.key} className="flex items-start gap-3">
              <Checkbox
                id={`setting-${field.key}`}
                className="mt-0.5"
                checked={checkboxes[field.key] === true}
                onCheckedChange={(checked) =>
                  setCheckboxes((current) => ({ ...current, [field.key as BooleanTeamColumn]: checked === true }))
                }
                aria-describedby={`setting-${field.key}-hint`}
              />
              <div className="space-y-1">
                <Label htmlFor={`setting-${field.key}`}>{field.label[lang]}</Label>
                <p id={`setting-${field.key}-hint`} className="text-sm text-muted-foreground">
                  {field.hint[lang]}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
      ) : null}

      <Button type="submit" pending={pending}>
        {t.save}
      </Button>
    </form>
  );
}
