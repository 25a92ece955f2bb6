import type { SelectOption } from "@/components/ui/select-field";
import { INVITATION_LANGUAGES } from "@/lib/invitations/languages";

export const LANGUAGE_OPTIONS: SelectOption[] = INVITATION_LANGUAGES.map((language) => ({
  value: language.code,
  label: language.label,
}));

export function roleOptions(roles: ReadonlyArray<{ id: string; name: string }>): SelectOption[] {
  return roles.map((role) => ({ value: role.id, label: role.name }));
}
