import { z } from "zod";
import type { Catalogue } from "@/lib/i18n/catalogues";
import { TEAM_CHECKBOX_FIELDS, type BooleanTeamColumn } from "./team-setting-fields";

export const MAX_TEAM_NAME_LENGTH = 80;
export const MAX_SEAT_LIMIT = 100_000;

// Line breaks, control characters and bidi controls would let a team name rearrange the text around it in emails.
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** What the General page sends: the owners' settings (team.manage), with messages in the viewer's language. */
export function teamSettingsSchema(errors: Catalogue["teamSettings"]["general"]["errors"]) {
  const checkboxes = Object.fromEntries(
    TEAM_CHECKBOX_FIELDS.map((field) => [field.key, z.boolean().optional()]),
  ) as Record<BooleanTeamColumn, z.ZodOptional<z.ZodBoolean>>;
  return z.strictObject({
    name: z
      .string()
      .max(1000, errors.nameTooLong)
      .trim()
      .min(1, errors.nameRequired)
      .max(MAX_TEAM_NAME_LENGTH, errors.nameTooLong)
      .refine((name) => !UNSAFE_NAME.test(name), errors.nameInvalid),
    invitationLifetimeDays: z
      .number({ error: errors.lifetimeRange })
      .int(errors.lifetimeRange)
      .min(1, errors.lifetimeRange)
      .max(30, errors.lifetimeRange),
    /** null: no limit. */
    seatLimit: z
      .number({ error: errors.seatLimitRange })
      .int(errors.seatLimitRange)
      .min(1, errors.seatLimitRange)
      .max(MAX_SEAT_LIMIT, errors.seatLimitRange)
      .nullable(),
    checkboxes: z.strictObject(checkboxes).default({}),
  });
}
