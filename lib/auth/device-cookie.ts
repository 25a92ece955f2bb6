import "server-only";
import { env } from "@/lib/env";

/** Sent only to next-auth's endpoints, where a sign-in reads it (lib/auth/sign-in-with-password.ts). */
export const DEVICE_COOKIE = {
  name: "teamgate-sign-in-device",
  options: {
    httpOnly: true,
    sameSite: "strict" as const,
    path: "/api/auth",
    secure: env.APP_URL.startsWith("https://"),
    maxAge: 180 * 24 * 60 * 60,
  },
};
