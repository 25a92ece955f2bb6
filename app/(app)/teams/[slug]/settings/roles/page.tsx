import type { Metadata } from "next";
import { Check, Minus } from "lucide-react";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PERMISSION_DESCRIPTIONS, PERMISSIONS } from "@/lib/permissions/catalogue";
import { listTeamRoles } from "@/lib/roles/list-team-roles";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Roles & Permissions" };

export default async function RolesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user } = await requireTeamPage(slug, "members.read", `/teams/${slug}/settings/roles`);
  const result = await listTeamRoles({ kind: "user", userId: user.id }, { slug });
  if (!result.ok) notFound();

  return (
    <section className="space-y-4" aria-labelledby="roles-heading">
      <div>
        <h2 id="roles-heading" className="text-lg font-semibold">
          Roles &amp; Permissions
        </h2>
        <p className="text-sm text-muted-foreground">
          Built-in roles cannot be changed. A role can only be granted by someone whose role is at least as high.
        </p>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Permission</TableHead>
            {result.roles.map((role) => (
              <TableHead key={role.id} scope="col" className="text-center">
                <span className="block">{role.name}</span>
                <span className="block text-xs font-normal text-muted-foreground">
                  {role.memberCount} {role.memberCount === 1 ? "member" : "members"}
                </span>
                {role.builtIn ? (
                  <Badge variant="muted" className="mt-1">
                    Built-in
                  </Badge>
                ) : null}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {PERMISSIONS.map((permission) => (
            <TableRow key={permission}>
              <TableHead scope="row" className="font-normal">
                <code className="text-sm font-medium">{permission}</code>
                <span className="block text-xs text-muted-foreground">{PERMISSION_DESCRIPTIONS[permission]}</span>
              </TableHead>
              {result.roles.map((role) => (
                <TableCell key={role.id} className="text-center">
                  {role.permissions.includes(permission) ? (
                    <Check aria-label={`${role.name} has ${permission}`} className="mx-auto size-4 text-success" />
                  ) : (
                    <Minus
                      aria-label={`${role.name} lacks ${permission}`}
                      className="mx-auto size-4 text-muted-foreground"
                    />
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
