/** The limits of invite links, in one place (pure: the dialog reads them too). */
export const INVITE_LINK_POLICY = {
  minDays: 1,
  maxDays: 30,
  maxUses: 1000,
  /** Links one member may create in a team per hour. */
  createsPerHour: 30,
  /** Joins (and sign-ups) through links per account, or per client address for sign-up, per hour. */
  joinsPerHour: 20,
  signUpsPerClientPerHour: 10,
  /** A confirmation link for an account created through an invite link lives this long. */
  verificationHours: 24,
  /** "Email me a new confirmation link", per account per hour. */
  verificationEmailsPerHour: 3,
} as const;
