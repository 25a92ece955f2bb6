import { localizeRoleName } from "@/lib/i18n/role-names";
import { defineEmailLanguage } from "./email-language";

export const fr = defineEmailLanguage({
  code: "fr",
  label: "Français",
  messages: {
    intlLocale: "fr-FR",
    subject: (team) => `Rejoignez ${team} sur Teamgate`,
    preview: (team) => `Rejoignez ${team} sur Teamgate`,
    heading: (team) => `Rejoignez ${team} sur Teamgate`,
    intro: (inviter, team, role) => `${inviter} vous invite à rejoindre ${team} avec le rôle ${localizeRoleName("fr", role)}.`,
    invitedAddress: (email) => `Cette invitation est destinée à ${email}.`,
    expires: (date) => `L’invitation expire le ${date}.`,
    button: "Accepter l’invitation",
    linkIntro: "Ou ouvrez ce lien dans votre navigateur :",
    unexpected: "Si vous ne vous attendiez pas à cette invitation, ignorez cet e-mail : rien ne se passe tant que vous n’acceptez pas.",
    reminderSubject: (team) => `Rappel : votre invitation à rejoindre ${team} expire bientôt`,
    reminderLead: (date) => `Pour rappel, cette invitation expire le ${date}.`,
    currentLinkSubject: (team) => `Votre lien actuel pour rejoindre ${team}`,
    currentLinkLead: "Vous avez demandé le lien actuel de cette invitation. Les liens précédents ne fonctionnent plus.",
  },
});
