import { localizeRoleName } from "@/lib/i18n/role-names";
import { withIndefiniteArticle } from "@/lib/i18n/with-indefinite-article";
import { defineEmailLanguage } from "./email-language";

export const en = defineEmailLanguage({
  code: "en",
  label: "English",
  messages: {
    intlLocale: "en-GB",
    subject: (team) => `Join ${team} on Teamgate`,
    preview: (team) => `Join ${team} on Teamgate`,
    heading: (team) => `Join ${team} on Teamgate`,
    intro: (inviter, team, role) => `${inviter} has invited you to join ${team} as ${withIndefiniteArticle(localizeRoleName("en", role))}.`,
    invitedAddress: (email) => `This invitation is for ${email}.`,
    expires: (date) => `The invitation expires on ${date}.`,
    button: "Accept invitation",
    linkIntro: "Or open this link in your browser:",
    unexpected: "If you weren't expecting this invitation, you can ignore this email: nothing happens unless you accept.",
    reminderSubject: (team) => `Reminder: your invitation to join ${team} expires soon`,
    reminderLead: (date) => `A reminder: this invitation expires on ${date}.`,
    currentLinkSubject: (team) => `Your current link to join ${team}`,
    currentLinkLead: "You asked for the current link to this invitation. Earlier links no longer work.",
  },
});
