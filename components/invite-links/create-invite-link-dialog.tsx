"use client";

import { Link2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createInviteLinkAction } from "@/actions/invite-links/create-invite-link-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SelectField } from "@/components/ui/select-field";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { roleLabel } from "@/lib/i18n/role-label";
import { INVITE_LINK_POLICY } from "@/lib/invite-links/invite-link-policy";

type Role = { id: string; name: string; key: string; builtIn: boolean };
type Props = { teamSlug: string; language: string; roles: Role[] };
type Field = "role" | "allowedDomain" | "maxUses" | "expiresInDays";

const LIFETIMES = [1, 3, 7, 14, 30];

export function CreateInviteLinkDialog({ teamSlug, language, roles }: Props) {
  const catalogue = getCatalogue(language);
  const t = catalogue.inviteLinks.settings;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState(roles.find((r) => r.key === "member")?.id ?? roles.at(-1)?.id ?? "");
  const [domain, setDomain] = useState("");
  const [maxUses, setMaxUses] = useState("10");
  const [days, setDays] = useState("7");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [pending, startTransition] = useTransition();

  const submit = () =>
    startTransition(async () => {
      const result = await createInviteLinkAction({
        teamSlug,
        link: { role, allowedDomain: domain, maxUses: Number(maxUses), expiresInDays: Number(days) },
      });
      if (!result.ok) {
        const fields = result.fieldErrors ?? {};
        const next = Object.fromEntries(
          (["role", "allowedDomain", "maxUses", "expiresInDays"] as const).flatMap((key) =>
            fields[key]?.[0] ? [[key, fields[key][0]]] : [],
          ),
        );
        setFieldErrors(next);
        setError(Object.keys(next).length > 0 ? null : result.error);
        return;
      }
      setOpen(false);
      setError(null);
      setFieldErrors({});
      setDomain("");
      try {
        await navigator.clipboard.writeText(result.url);
        toast.success(t.created);
      } catch {
        toast.success(t.createdCopyFailed);
      }
      router.refresh();
    });

  const fieldError = (id: string, key: Field) =>
    fieldErrors[key] ? (
      <p id={`${id}-error`} className="text-sm text-destructive">
        {fieldErrors[key]}
      </p>
    ) : null;

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button disabled={roles.length === 0}>
          <Link2 aria-hidden className="size-4" /> {t.create}
        </Button>
      </DialogTrigger>
      <DialogContent lang={language}>
        <DialogHeader>
          <DialogTitle>{t.createTitle}</DialogTitle>
          <DialogDescription>{t.createDescription}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {error ? <Alert variant="destructive">{error}</Alert> : null}
          <SelectField
            id="invite-link-role"
            label={t.role}
            value={role}
            onValueChange={setRole}
            options={roles.map((r) => ({ value: r.id, label: roleLabel(catalogue, r) }))}
          />
          {fieldError("invite-link-role", "role")}
          <div className="space-y-1.5">
            <Label htmlFor="invite-link-domain">{t.domain}</Label>
            <Input
              id="invite-link-domain"
              value={domain}
              onChange={(event) => setDomain(event.target.value)}
              placeholder="example.com"
              maxLength={253}
              aria-describedby="invite-link-domain-hint"
              aria-invalid={!!fieldErrors.allowedDomain}
            />
            <p id="invite-link-domain-hint" className="text-sm text-muted-foreground">
              {t.domainHint}
            </p>
            {fieldError("invite-link-domain", "allowedDomain")}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1.5">
              <Label htmlFor="invite-link-uses">{t.maxUses}</Label>
              <Input
                id="invite-link-uses"
                type="number"
                inputMode="numeric"
                min={1}
                max={INVITE_LINK_POLICY.maxUses}
                value={maxUses}
                onChange={(event) => setMaxUses(event.target.value)}
                aria-invalid={!!fieldErrors.maxUses}
              />
              {fieldError("invite-link-uses", "maxUses")}
            </div>
            <SelectField
              id="invite-link-expiry"
              label={t.expiresIn}
              value={days}
              onValueChange={setDays}
              options={LIFETIMES.map((count) => ({ value: String(count), label: t.days(count) }))}
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t.cancel}
            </Button>
            <Button type="submit" pending={pending}>
              {t.create}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
