import "server-only";
import { env } from "@/lib/env";

const secure = env.APP_URL.startsWith("https://");

/** next-auth's session cookie: its name and attributes, as next-auth itself sets them for APP_URL. */
export const SESSION_COOKIE = {
  name: secure ? "__Secure-next-auth.session-token" : "next-auth.session-token",
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
};
