import type { AuditAction } from "@/lib/audit/audit-actions";
import { pluralize } from "../pluralize";
import type { TeamSettingsMessages } from "./en";

/** The team's General settings page and activity log, in French. */
export const fr: TeamSettingsMessages = {
  general: {
    navLabel: "Général",
    title: "Général",
    description: (team: string) =>
      `Le nom de ${team}, la durée de ses invitations et le nombre de personnes qu'elle peut accueillir.`,
    name: "Nom de l'équipe",
    nameHint: "Visible par les membres et dans les e-mails d'invitation.",
    lifetime: "Les invitations expirent après",
    lifetimeUnit: "jours",
    lifetimeHint:
      "Entre 1 et 30 jours. Les nouvelles invitations et celles renvoyées reçoivent cette durée ; celles déjà envoyées gardent la leur.",
    seatLimit: "Nombre de places",
    seatLimitHint: "Membres et invitations en attente. Laissez vide pour ne pas limiter.",
    unlimited: "Illimité",
    seatsUsed: (used: number, members: number, pending: number) =>
      `${used} ${pluralize("fr", used, { one: "place occupée", other: "places occupées" })} : ${members} ${pluralize("fr", members, { one: "membre", other: "membres" })}, ${pending} ${pluralize("fr", pending, { one: "invitation en attente", other: "invitations en attente" })}.`,
    notifications: "Notifications",
    save: "Enregistrer",
    saved: "Paramètres de l'équipe enregistrés",
    nothingChanged: "Rien à enregistrer : les paramètres n'ont pas changé.",
    errors: {
      nameRequired: "Saisissez un nom d'équipe.",
      nameTooLong: "Le nom doit faire moins de 80 caractères.",
      nameInvalid: "Le nom ne peut pas contenir de retour à la ligne ni de caractère de contrôle.",
      lifetimeRange: "Choisissez entre 1 et 30 jours.",
      seatLimitRange: "Saisissez un nombre entier de 1 à 100 000, ou laissez vide pour ne pas limiter.",
      seatLimitBelowUsed: (used: number) =>
        `${used} ${pluralize("fr", used, { one: "place est occupée", other: "places sont occupées" })} (membres et invitations en attente) : la limite ne peut pas être inférieure. Retirez des membres ou des invitations d'abord.`,
      forbidden: "Seuls les propriétaires de l'équipe peuvent modifier ces paramètres.",
      failed: "Les paramètres n'ont pas été enregistrés. Réessayez.",
    },
  },
  activity: {
    navLabel: "Activité",
    title: "Activité",
    description: (team: string) =>
      `Qui a fait quoi dans ${team} : invitations, réponses, changements de membres et de paramètres.`,
    kind: "Action",
    person: "Personne",
    anyone: "Tout le monde",
    reset: "Réinitialiser les filtres",
    columns: { when: "Quand", person: "Personne", action: "Action", target: "Concerne", details: "Détails" },
    newer: "Plus récents",
    older: "Plus anciens",
    newest: "Les plus récents",
    empty: "Rien ne s'est encore passé dans cette équipe.",
    emptyFiltered: "Aucune activité ne correspond à ces filtres.",
    shown: (count: number) =>
      `${count} ${pluralize("fr", count, { one: "événement", other: "événements" })} sur cette page`,
    actors: { link: "Quelqu'un ayant le lien", invitee: "La personne invitée", deleted: "Un compte supprimé" },
    actions: {
      "invitation.created": "A invité",
      "invitation.resent": "A renvoyé l'invitation",
      "invitation.link_reset": "A réinitialisé le lien d'invitation",
      "invitation.current_link_requested": "A demandé le lien actuel",
      "invitation.reminder_queued": "Rappel envoyé",
      "invitation.superseded": "Remplacée par une nouvelle invitation",
      "invitation.updated": "A modifié l'invitation",
      "invitation.withdrawn": "A retiré l'invitation",
      "invitation.deleted": "A supprimé l'invitation",
      "invitation.accepted": "A accepté l'invitation",
      "invitation.declined": "A refusé l'invitation",
      "invitation.link_copied": "A copié le lien d'invitation",
      "invitation.renewal_requested": "A demandé une nouvelle invitation",
      "member.joined": "A rejoint l'équipe",
      "member.role_changed": "A changé le rôle de",
      "member.removed": "A retiré de l'équipe",
      "team.domains_changed": "A modifié les domaines autorisés",
      "team.settings_changed": "A modifié les paramètres de l'équipe",
      "user.password_reset": "A réinitialisé son mot de passe",
      "user.password_changed": "A changé son mot de passe",
    } satisfies Record<AuditAction, string>,
    details: {
      asRole: (role: string) => `comme ${role}`,
      roleChange: (from: string, to: string) => `${from} → ${to}`,
      wasRole: (role: string) => `était ${role}`,
      sendNumber: (n: number) => `envoi n° ${n}`,
      reason: (reason: string) => `« ${reason} »`,
      anyDomain: "tous les domaines",
      settingNames: { name: "nom", invitationLifetimeDays: "durée des invitations", seatLimit: "nombre de places" },
    },
  },
};
