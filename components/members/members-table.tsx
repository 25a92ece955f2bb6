import { format } from "date-fns";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TeamMemberDto } from "@/lib/members/list-team-members";
import { MemberRowActions } from "./member-row-actions";

type Props = {
  members: TeamMemberDto[];
  teamSlug: string;
  /** Roles the viewer may grant; empty when they can't manage members. */
  grantableRoles: Array<{ id: string; name: string; rank: number }>;
  viewerRank: number;
};

export function MembersTable({ members, teamSlug, grantableRoles, viewerRank }: Props) {
  const canManage = grantableRoles.length > 0;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col">Email</TableHead>
          <TableHead scope="col">Role</TableHead>
          <TableHead scope="col">Groups</TableHead>
          <TableHead scope="col">Joined</TableHead>
          {canManage ? (
            <TableHead scope="col">
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.id}>
            <TableCell className="font-medium">{member.name}</TableCell>
            <TableCell>{member.email}</TableCell>
            <TableCell>
              <Badge variant="secondary">{member.role.name}</Badge>
            </TableCell>
            <TableCell className="text-muted-foreground">{member.groups.join(", ") || "—"}</TableCell>
            <TableCell>
              <time dateTime={member.joinedAt.toISOString()}>{format(member.joinedAt, "d MMM yyyy")}</time>
            </TableCell>
            {canManage ? (
              <TableCell className="w-12">
                {member.role.rank <= viewerRank ? <MemberRowActions teamSlug={teamSlug} member={member} roles={grantableRoles} /> : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
