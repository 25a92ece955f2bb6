"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { inviteLinksPath, teamSlugSchema } from "./input-schemas";

/** The link's settings are parsed once, by `createInviteLink`, after it authorized. */
export async function createInviteLinkAction(input: unknown) {
  return runAction(
    z.strictObject({ teamSlug: teamSlugSchema, link: z.unknown() }),
    input,
    (actor, { teamSlug, link }) => createInviteLink(actor, { slug: teamSlug }, link),
    inviteLinksPath,
  );
}
