"use client";

import { Checkbox } from "@/components/ui/checkbox";

type Props = {
  groups: Array<{ id: string; name: string }>;
  selected: string[];
  onChange: (ids: string[]) => void;
  legend?: string;
};

/** The team's groups as checkboxes; renders nothing when the team has none. */
export function GroupCheckboxes({ groups, selected, onChange, legend = "Groups (optional)" }: Props) {
  if (groups.length === 0) return null;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {groups.map((group) => (
          <label key={group.id} className="flex items-center gap-2 text-sm">
            <Checkbox
              checked={selected.includes(group.id)}
              onCheckedChange={(checked) =>
                onChange(checked === true ? [...selected, group.id] : selected.filter((id) => id !== group.id))
              }
            />
            {group.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
