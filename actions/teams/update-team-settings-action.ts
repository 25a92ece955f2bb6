"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { updateTeamSettings } from "@/lib/teams/update-team-settings";

/** The settings are parsed once, by `updateTeamSettings`, in the viewer's language. */
const schema = z.strictObject({ teamSlug: z.string().min(1).max(64), settings: z.unknown().optional() });

export async function updateTeamSettingsAction(input: unknown) {
  const messages = getCatalogue(await readRequestLanguage()).teamSettings.general;
  return runAction(
    schema,
    input,
    (actor, { teamSlug, settings }) => updateTeamSettings(actor, { slug: teamSlug }, settings, messages),
    // The lifetime and the seat limit show in the invite dialog on these pages; the name in the header everywhere.
    ({ teamSlug }) => [
      `/teams/${teamSlug}/settings/general`,
      `/teams/${teamSlug}/settings/invitations`,
      `/teams/${teamSlug}/settings/members`,
      `/teams/${teamSlug}`,
    ],
  );
}
