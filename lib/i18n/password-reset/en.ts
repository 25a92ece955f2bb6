/** The "forgot password" and "set a new password" pages, in English. */
export const en = {
  forgotTitle: "Forgot your password?",
  forgotIntro: "Enter the email address of your account. We'll send you a link to choose a new password.",
  email: "Email",
  sendLink: "Send reset link",
  sentTitle: "Check your inbox",
  sent: (minutes: number) =>
    `If an account exists for that address, we sent a link to reset its password. It works once, for ${minutes} minutes.`,
  sendAnother: "Use another address",
  backToSignIn: "Back to sign in",
  tooManyRequests: (minutes: number) =>
    `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  unreachable: "The server could not be reached. Check your connection and try again.",
  unexpected: "Something went wrong. Try again in a moment.",
  resetTitle: "Choose a new password",
  resetIntro: (email: string) => `For the account ${email}. Every session of this account will be signed out.`,
  newPassword: "New password",
  confirmPassword: "Repeat the new password",
  passwordHint: "At least 12 characters.",
  passwordRule: "Use between 12 and 200 characters.",
  passwordsDiffer: "The two passwords are different.",
  setPassword: "Set new password",
  invalidTitle: "This link is not valid",
  invalidBody: "Check that you copied the whole link from the email, or ask for a new one.",
  usedTitle: "This link was already used",
  usedBody: "A reset link works once. If you still need to reset your password, ask for a new link.",
  expiredTitle: "This link has expired",
  expiredBody: (minutes: number) => `A reset link works for ${minutes} minutes. Ask for a new one.`,
  askAgain: "Ask for a new link",
};

export type PasswordResetMessages = typeof en;
