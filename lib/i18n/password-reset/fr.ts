import type { PasswordResetMessages } from "./en";

/** Les pages « mot de passe oublié » et « nouveau mot de passe », en français. */
export const fr: PasswordResetMessages = {
  forgotTitle: "Mot de passe oublié ?",
  forgotIntro:
    "Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.",
  email: "E-mail",
  sendLink: "Envoyer le lien",
  sentTitle: "Consultez votre boîte de réception",
  sent: (minutes) =>
    `Si un compte existe pour cette adresse, nous lui avons envoyé un lien pour réinitialiser son mot de passe. Il ne fonctionne qu’une fois, pendant ${minutes} minutes.`,
  sendAnother: "Utiliser une autre adresse",
  backToSignIn: "Retour à la connexion",
  tooManyRequests: (minutes) =>
    `Trop de demandes de réinitialisation. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
  unreachable: "Le serveur est injoignable. Vérifiez votre connexion et réessayez.",
  unexpected: "Une erreur s’est produite. Réessayez dans un instant.",
  resetTitle: "Choisissez un nouveau mot de passe",
  resetIntro: (email) => `Pour le compte ${email}. Toutes les sessions ouvertes de ce compte seront déconnectées.`,
  newPassword: "Nouveau mot de passe",
  confirmPassword: "Répétez le nouveau mot de passe",
  passwordHint: "Au moins 12 caractères.",
  passwordRule: "Utilisez entre 12 et 200 caractères.",
  passwordsDiffer: "Les deux mots de passe sont différents.",
  setPassword: "Enregistrer le mot de passe",
  invalidTitle: "Ce lien n’est pas valide",
  invalidBody: "Vérifiez que vous avez copié le lien complet depuis l’e-mail, ou demandez-en un nouveau.",
  usedTitle: "Ce lien a déjà été utilisé",
  usedBody:
    "Un lien de réinitialisation ne fonctionne qu’une fois. Si vous devez encore réinitialiser votre mot de passe, demandez un nouveau lien.",
  expiredTitle: "Ce lien a expiré",
  expiredBody: (minutes) =>
    `Un lien de réinitialisation fonctionne pendant ${minutes} minutes. Demandez-en un nouveau.`,
  askAgain: "Demander un nouveau lien",
};
