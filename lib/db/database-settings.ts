import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Which database to open, validated the same way by the app (lib/env.ts) and the database scripts. */
export const databaseSettingsShape = {
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  PGLITE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
};

export const databaseSettingsSchema = z.object(databaseSettingsShape);

/** The message lib/env.ts gives too: one line per bad variable, named. */
export function describeEnvIssues(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  return `Invalid environment configuration:\n${lines.join("\n")}`;
}
