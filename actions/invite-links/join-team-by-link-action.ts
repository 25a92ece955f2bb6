"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { joinTeamByLink } from "@/lib/invite-links/join-team-by-link";
import { linkTokenSchema } from "./input-schemas";

export async function joinTeamByLinkAction(input: unknown) {
  const result = await runAction(
    z.strictObject({ token: linkTokenSchema }),
    input,
    (actor, { token }) => joinTeamByLink(actor, token),
    () => "/",
  );
  if (!result.ok) return result;
  redirect(`/teams/${result.team.slug}?joined=${result.alreadyMember ? "already" : "new"}`);
}
