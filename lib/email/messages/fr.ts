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
    intro: (inviter, team, role) =>
      `${inviter} vous invite à rejoindre ${team} avec le rôle ${localizeRoleName("fr", role)}.`,
    invitedAddress: (email) => `Cette invitation est destinée à ${email}.`,
    expires: (date) => `L’invitation expire le ${date}.`,
    button: "Accepter l’invitation",
    linkIntro: "Ou ouvrez ce lien dans votre navigateur :",
    unexpected:
      "Si vous ne vous attendiez pas à cette invitation, ignorez cet e-mail : rien ne se passe tant que vous n’acceptez pas.",
    reminderSubject: (team) => `Rappel : votre invitation à rejoindre ${team} expire bientôt`,
    reminderLead: (date) => `Pour rappel, cette invitation expire le ${date}.`,
    currentLinkSubject: (team) => `Votre lien actuel pour rejoindre ${team}`,
    currentLinkLead: "Vous avez demandé le lien actuel de cette invitation. Les liens précédents ne fonctionnent plus.",
    answer: {
      subject: (invitee, answer, team) =>
        `${invitee} a ${answer === "accepted" ? "accepté" : "refusé"} l’invitation à rejoindre ${team}`,
      heading: (answer) => (answer === "accepted" ? "Invitation acceptée" : "Invitation refusée"),
      accepted: (invitee, team, role) =>
        `${invitee} a accepté l’invitation et a rejoint ${team} avec le rôle ${localizeRoleName("fr", role)}.`,
      declined: (invitee, team) => `${invitee} a refusé l’invitation à rejoindre ${team}.`,
      reasonIntro: "Motif indiqué :",
      invitedBy: (inviter) => `Invitation envoyée par ${inviter}.`,
      button: "Ouvrir les invitations de l’équipe",
      why: (team) =>
        `Vous recevez cet e-mail parce que vous avez invité cette personne dans ${team}, ou parce que vous en gérez les membres et que l’équipe prévient ses administrateurs des réponses.`,
    },
    reset: {
      subject: "Réinitialisez votre mot de passe Teamgate",
      heading: "Réinitialisez votre mot de passe",
      intro: (email) =>
        `Quelqu’un a demandé à réinitialiser le mot de passe du compte Teamgate associé à ${email}. Pour choisir un nouveau mot de passe, utilisez le bouton ci-dessous.`,
      expires: (minutes) => `Le lien ne fonctionne qu’une fois, pendant ${minutes} minutes.`,
      button: "Choisir un nouveau mot de passe",
      ignore: "Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe ne change pas.",
    },
  },
});
