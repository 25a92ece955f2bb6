import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
  interface User {
    /** The UserSession row this sign-in created (lib/auth/create-user-session.ts). */
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    /** When the password was typed (seconds since the epoch): the absolute lifetime counts from it. */
    authTime?: number;
  }
}
