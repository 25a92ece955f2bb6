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
    intro: (inviter, team, role) =>
      `${inviter} has invited you to join ${team} as ${withIndefiniteArticle(localizeRoleName("en", role))}.`,
    invitedAddress: (email) => `This invitation is for ${email}.`,
    expires: (date) => `The invitation expires on ${date}.`,
    button: "Accept invitation",
    linkIntro: "Or open this link in your browser:",
    unexpected:
      "If you weren't expecting this invitation, you can ignore this email: nothing happens unless you accept.",
    reminderSubject: (team) => `Reminder: your invitation to join ${team} expires soon`,
    reminderLead: (date) => `A reminder: this invitation expires on ${date}.`,
    currentLinkSubject: (team) => `Your current link to join ${team}`,
    currentLinkLead: "You asked for the current link to this invitation. Earlier links no longer work.",
    answer: {
      subject: (invitee, answer, team) => `${invitee} ${answer} the invitation to ${team}`,
      heading: (answer) => (answer === "accepted" ? "Invitation accepted" : "Invitation declined"),
      accepted: (invitee, team, role) =>
        `${invitee} accepted the invitation and joined ${team} as ${withIndefiniteArticle(localizeRoleName("en", role))}.`,
      declined: (invitee, team) => `${invitee} declined the invitation to join ${team}.`,
      reasonIntro: "Their reason:",
      invitedBy: (inviter) => `Invited by ${inviter}.`,
      button: "Open the team's invitations",
      why: (team) =>
        `You receive this because you invited this person to ${team}, or manage its members and the team notifies admins of answers.`,
    },
    reset: {
      subject: "Reset your Teamgate password",
      heading: "Reset your password",
      intro: (email) =>
        `Someone asked to reset the password of the Teamgate account for ${email}. To choose a new password, use the button below.`,
      expires: (minutes) => `The link works once, for ${minutes} minutes.`,
      button: "Choose a new password",
      ignore: "If you didn't ask for this, ignore this email: your password stays as it is.",
    },
  },
});
