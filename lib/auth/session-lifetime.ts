/** A session ends after this long without a request (each request slides it forward). */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** The cookie is re-issued at most this often, so most requests only read it. */
export const SESSION_RENEW_AFTER_SECONDS = 15 * 60;
/** However active, a session ends this long after the password was typed. */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;

/** What Teamgate puts in the session token besides next-auth's own claims. */
export type SessionClaims = { userId: string; sessionId: string; authTime: number };
