import "server-only";
import { z } from "zod";
import { databaseSettingsShape, describeEnvIssues } from "@/lib/db/database-settings";

const DEV_AUTH_SECRET = "teamgate-development-secret-do-not-use-in-production";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const positiveInt = (fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(fallback));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: positiveInt(3000),
    /** How many reverse proxies in front of the app append to X-Forwarded-For (0: none, use the socket address). */
    TRUSTED_PROXY_HOPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(0)),
    ...databaseSettingsShape,
    AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
    APP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
    RESEND_API_KEY: optionalString,
    RESEND_WEBHOOK_SECRET: optionalString,
    EMAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default("Teamgate <invitations@teamgate.local>")),
    INVITES_PER_TEAM_PER_HOUR: positiveInt(100),
    INVITES_PER_INVITER_PER_HOUR: positiveInt(100),
    RESENDS_PER_INVITATION_PER_HOUR: positiveInt(3),
    /** Invitation emails (new or resent) one address may receive per hour, across all teams. */
    INVITES_PER_RECIPIENT_PER_HOUR: positiveInt(20),
    SIGN_IN_FAILURES_PER_15_MINUTES: positiveInt(10),
    INVITE_PAGE_REQUESTS_PER_MINUTE: positiveInt(30),
    API_REQUESTS_PER_MINUTE: positiveInt(600),
    EMAIL_SEND_TIMEOUT_MS: positiveInt(15_000),
    EMAIL_WORKER: z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).default("on")),
    /** How often each email sender looks for invitations due an expiry reminder. */
    REMINDER_SWEEP_SECONDS: positiveInt(60),
    /** The local mailbox at /dev/mailbox; on by default outside production. */
    DEV_MAILBOX: z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).optional()),
  })
  .superRefine((value, ctx) => {
    // `next build` evaluates route modules without the deployment's secrets; the server checks at start.
    const building = process.env.NEXT_PHASE === "phase-production-build";
    if (value.NODE_ENV === "production" && !value.AUTH_SECRET && !building) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    if (value.NODE_ENV === "production" && !value.APP_URL && !building) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message:
          "is required in production: the public origin people open, e.g. https://teamgate.example.com (every emailed link is built from it)",
      });
    }
  });

function parseEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new Error(describeEnvIssues(parsed.error));
  const value = parsed.data;
  const appUrl = (value.APP_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, "");
  return {
    ...value,
    APP_URL: appUrl,
    AUTH_SECRET: value.AUTH_SECRET ?? DEV_AUTH_SECRET,
    isProduction: value.NODE_ENV === "production",
    devMailboxEnabled: value.DEV_MAILBOX ? value.DEV_MAILBOX === "on" : value.NODE_ENV !== "production",
  };
}

export const env = parseEnv();

// next-auth v4 reads its own variables; give it ours so there is one source.
process.env.NEXTAUTH_URL ??= env.APP_URL;
process.env.NEXTAUTH_SECRET ??= env.AUTH_SECRET;
