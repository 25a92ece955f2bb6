"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { confirmEmailAndJoin } from "@/lib/invite-links/confirm-email-and-join";
import { linkTokenSchema } from "./input-schemas";

/** The POST behind "Confirm and join" on /join/confirm/<token> (the GET only shows the button). */
export async function confirmEmailAndJoinAction(input: unknown) {
  const result = await runAction(z.strictObject({ token: linkTokenSchema }), input, (_actor, { token }) =>
    confirmEmailAndJoin(token),
  );
  if (!result.ok) return result;
  const { joined, email } = result;
  return joined.ok
    ? {
        ok: true as const,
        email,
        joined: { ok: true as const, teamName: joined.team.name, teamSlug: joined.team.slug },
      }
    : { ok: true as const, email, joined: { ok: false as const, error: joined.error } };
}
