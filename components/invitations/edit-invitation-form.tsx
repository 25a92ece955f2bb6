"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { updateInvitationAction } from "@/actions/invitations/update-invitation-action";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { GroupCheckboxes } from "./group-checkboxes";
import { LANGUAGE_OPTIONS, roleOptions } from "./select-options";

type Props = {
  teamSlug: string;
  invitationId: string;
  roleId: string;
  language: string;
  groupIds: string[];
  roles: Array<{ id: string; name: string }>;
  /** The team's groups. */
  groups: Array<{ id: string; name: string }>;
  onSaved: () => void;
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** Pending invitations only: role, groups and language change without a new link. */
export function EditInvitationForm({
  teamSlug,
  invitationId,
  roleId: initialRole,
  language: initialLanguage,
  groupIds: initialGroups,
  roles,
  groups,
  onSaved,
}: Props) {
  const [roleId, setRoleId] = useState(initialRole);
  const [language, setLanguage] = useState(initialLanguage);
  const [groupIds, setGroupIds] = useState(initialGroups);
  const [pending, startTransition] = useTransition();
  const groupsChanged = !sameSet(groupIds, initialGroups);
  const changed = roleId !== initialRole || language !== initialLanguage || groupsChanged;

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await updateInvitationAction({
            teamSlug,
            invitationId,
            changes: { roleId, language, ...(groupsChanged ? { groupIds } : {}) },
          });
          if (!result.ok) {
            toast.error(result.error);
            return;
          }
          toast.success("Invitation updated; its link stays the same");
          onSaved();
        });
      }}
    >
      <p className="text-sm font-medium">Edit</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id={`edit-role-${invitationId}`}
          label="Role"
          value={roleId}
          onValueChange={setRoleId}
          options={roleOptions(roles)}
        />
        <SelectField
          id={`edit-language-${invitationId}`}
          label="Email language"
          value={language}
          onValueChange={setLanguage}
          options={LANGUAGE_OPTIONS}
        />
      </div>
      <GroupCheckboxes groups={groups} selected={groupIds} onChange={setGroupIds} legend="Groups" />
      <Button type="submit" size="sm" variant="outline" pending={pending} disabled={!changed}>
        Save changes
      </Button>
    </form>
  );
}
