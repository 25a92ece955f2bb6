import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
  interface User {
    /** The user's session version at sign-in (lib/auth/revoke-user-sessions.ts). */
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    /** When the password was typed (seconds since the epoch): the absolute lifetime counts from it. */
    authTime?: number;
  }
}
