/** Everything one language needs for the invitation email. User-supplied values arrive already defused. */
export type EmailMessages = {
  intlLocale: string;
  /** Fixed text plus the team name: nothing else a sender controls reaches the subject line. */
  subject: (team: string) => string;
  preview: (team: string) => string;
  heading: (team: string) => string;
  intro: (inviter: string, team: string, role: string) => string;
  invitedAddress: (email: string) => string;
  expires: (date: string) => string;
  button: string;
  linkIntro: string;
  unexpected: string;
  /** The reminder two days before expiry: its subject, and a first line above the invitation. */
  reminderSubject: (team: string) => string;
  reminderLead: (date: string) => string;
  /** "Email me the current link", asked for from a replaced link. */
  currentLinkSubject: (team: string) => string;
  currentLinkLead: string;
  /** To the inviter (and, per the team's setting, its admins) when an invitee answers. */
  answer: {
    subject: (invitee: string, answer: "accepted" | "declined", team: string) => string;
    heading: (answer: "accepted" | "declined") => string;
    accepted: (invitee: string, team: string, role: string) => string;
    declined: (invitee: string, team: string) => string;
    reasonIntro: string;
    invitedBy: (inviter: string) => string;
    button: string;
    why: (team: string) => string;
  };
  /** "Forgot password?": the link to set a new password. */
  reset: {
    subject: string;
    heading: string;
    intro: (email: string) => string;
    expires: (minutes: number) => string;
    button: string;
    ignore: string;
  };
};

export type EmailLanguage<Code extends string = string> = { code: Code; label: string; messages: EmailMessages };

/** Keeps each file's language code as a literal type, so the list of codes is typed from the files. */
export function defineEmailLanguage<const Code extends string>(language: EmailLanguage<Code>): EmailLanguage<Code> {
  return language;
}
