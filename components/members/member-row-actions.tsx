"use client";

import { MoreHorizontal, UserMinus, UserCog } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { changeMemberRoleAction } from "@/actions/members/change-member-role-action";
import { removeMemberAction } from "@/actions/members/remove-member-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { roleOptions } from "@/components/invitations/select-options";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { RowMenu } from "@/components/ui/row-menu";
import { returnFocus } from "@/components/ui/return-focus";
import { SelectField } from "@/components/ui/select-field";

type Props = {
  teamSlug: string;
  member: {
    id: string;
    name: string;
    email: string;
    role: { id: string; name: string };
    can: { changeRole: boolean; remove: boolean };
  };
  roles: Array<{ id: string; name: string }>;
};

export function MemberRowActions({ teamSlug, member, roles }: Props) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"role" | "remove" | null>(null);
  const [roleId, setRoleId] = useState(member.role.id);
  const [pending, startTransition] = useTransition();
  const trigger = useRef<HTMLButtonElement>(null);
  const target = { teamSlug, membershipId: member.id };

  const finish = (result: { ok: boolean; error?: string }, message: string) => {
    if (!result.ok) {
      toast.error(result.error ?? "That didn't work.");
      return;
    }
    toast.success(message);
    setDialog(null);
    router.refresh();
  };

  return (
    <>
      <RowMenu
        trigger={
          <Button ref={trigger} variant="ghost" size="icon" aria-label={`Actions for ${member.email}`}>
            <MoreHorizontal aria-hidden className="size-4" />
          </Button>
        }
      >
        {member.can.changeRole ? (
          <DropdownMenuItem onSelect={() => setDialog("role")}>
            <UserCog aria-hidden /> Change role
          </DropdownMenuItem>
        ) : null}
        {member.can.remove ? (
          <DropdownMenuItem variant="destructive" onSelect={() => setDialog("remove")}>
            <UserMinus aria-hidden /> Remove from team
          </DropdownMenuItem>
        ) : null}
      </RowMenu>

      <Dialog open={dialog === "role"} onOpenChange={(open) => setDialog(open ? "role" : null)}>
        <DialogContent className="max-w-sm" onCloseAutoFocus={(event) => returnFocus(event, trigger)}>
          <DialogHeader>
            <DialogTitle>Change role</DialogTitle>
            <DialogDescription>
              {member.name} ({member.email})
            </DialogDescription>
          </DialogHeader>
          <SelectField
            id={`role-${member.id}`}
            label="Role"
            value={roleId}
            onValueChange={setRoleId}
            options={roleOptions(roles)}
            className="space-y-2"
          />
          <DialogFooter>
            <Button variant="outline" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button
              pending={pending}
              onClick={() =>
                startTransition(async () =>
                  finish(
                    await changeMemberRoleAction({ ...target, roleId }),
                    `${member.name} is now ${roles.find((r) => r.id === roleId)?.name}`,
                  ),
                )
              }
            >
              Save role
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <ConfirmDialog
        open={dialog === "remove"}
        onOpenChange={(open) => setDialog(open ? "remove" : null)}
        title={`Remove ${member.name} from the team?`}
        description={`${member.email} loses access at once. You can invite them again later.`}
        confirmLabel="Remove"
        pending={pending}
        focusOnClose={trigger}
        onConfirm={() =>
          startTransition(async () => finish(await removeMemberAction(target), `${member.name} was removed`))
        }
      />
    </>
  );
}
