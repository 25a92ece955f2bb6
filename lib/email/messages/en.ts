export const en = {
  intlLocale: "en-GB",
  subject: (inviter: string, team: string) => `${inviter} invited you to join ${team} on Teamgate`,
  preview: (team: string) => `Join ${team} on Teamgate`,
  heading: (team: string) => `Join ${team} on Teamgate`,
  intro: (inviter: string, team: string, role: string) => `${inviter} has invited you to join ${team} as ${role}.`,
  invitedAddress: (email: string) => `This invitation is for ${email}.`,
  expires: (date: string) => `The invitation expires on ${date}.`,
  button: "Accept invitation",
  linkIntro: "Or open this link in your browser:",
  unexpected: "If you weren't expecting this invitation, you can ignore this email: nothing happens unless you accept.",
};

export type EmailMessages = typeof en;
