import "server-only";
import { forbidden, notFound } from "next/navigation";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { Permission } from "@/lib/permissions/catalogue";
import { authorizeTeam } from "./authorize-team";

/**
 * For pages under /teams/[slug]: signed out → sign in and come back; not a member → 404;
 * a member without the permission → the 403 page.
 */
export async function requireTeamPage(slug: string, permission: Permission, returnTo: string) {
  const user = await requireCurrentUser(returnTo);
  const access = await authorizeTeam(db, { kind: "user", userId: user.id }, { slug }, permission);
  if (!access.ok) {
    if (access.code === "FORBIDDEN") forbidden();
    notFound();
  }
  return { user, ...access };
}
