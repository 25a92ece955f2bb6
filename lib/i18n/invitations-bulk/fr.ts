import type { BulkInvitationAction } from "@/lib/invitations/bulk-invitation-schemas";
import { pluralize } from "../pluralize";
import type { InvitationsBulkMessages } from "./en";

const n = (count: number) => count.toLocaleString("fr");
const invitations = (count: number) =>
  `${n(count)} ${pluralize("fr", count, { one: "invitation", other: "invitations" })}`;
const VERB: Record<BulkInvitationAction, string> = { resend: "Renvoyer", withdraw: "Retirer", delete: "Supprimer" };

/** The invitations table's status tabs and bulk actions, in French. */
export const fr: InvitationsBulkMessages = {
  tabs: {
    label: "Filtrer par statut",
    all: "Toutes",
    status: {
      PENDING: "En attente",
      EXPIRED: "Expirées",
      ACCEPTED: "Acceptées",
      DECLINED: "Refusées",
      WITHDRAWN: "Retirées",
    },
    capped: (count) => `${n(count)}+`,
  },
  selection: {
    selectRow: (email) => `Sélectionner ${email}`,
    selectPage: "Sélectionner toutes les invitations de cette page",
    selected: (count) => `${n(count)} ${pluralize("fr", count, { one: "sélectionnée", other: "sélectionnées" })}`,
    allMatching: (count, capped) =>
      `Les ${capped ? `${n(count)}+` : n(count)} invitations correspondantes sont sélectionnées`,
    selectAllMatching: (count, capped) =>
      `Sélectionner les ${capped ? `${n(count)}+` : n(count)} invitations correspondantes`,
    clear: "Effacer la sélection",
    tooMany: (limit) => `Une action groupée porte sur ${n(limit)} invitations au plus : affinez d’abord le filtre.`,
  },
  actions: {
    label: "Actions groupées",
    verb: VERB,
    title: (action, count, capped) => `${VERB[action]} ${capped ? `${n(count)}+ invitations` : invitations(count)} ?`,
    description: {
      resend:
        "Chacune est renvoyée par e-mail avec le même lien et une nouvelle durée de validité. Celles qui ne peuvent pas être renvoyées sont ignorées.",
      withdraw: "Leurs liens cessent aussitôt de fonctionner. Celles qui ne sont plus en attente sont ignorées.",
      delete:
        "Elles disparaissent définitivement de la liste ; les liens en attente cessent de fonctionner. Le journal d’activité en garde la trace.",
    },
    cancel: "Annuler",
    failed: "L’action groupée a échoué. Réessayez.",
  },
  summary: {
    done: (action, count) =>
      `${n(count)} ${
        {
          resend: pluralize("fr", count, { one: "renvoyée", other: "renvoyées" }),
          withdraw: pluralize("fr", count, { one: "retirée", other: "retirées" }),
          delete: pluralize("fr", count, { one: "supprimée", other: "supprimées" }),
        }[action]
      }`,
    skipped: (count, reasons) =>
      `${n(count)} ${pluralize("fr", count, { one: "ignorée", other: "ignorées" })}${reasons ? ` : ${reasons}` : ""}`,
    nothing: "Aucune invitation ne correspond ; rien n’a changé.",
    reason: {
      accepted: (count) => pluralize("fr", count, { one: "déjà acceptée", other: "déjà acceptées" }),
      declined: (count) => pluralize("fr", count, { one: "refusée", other: "refusées" }),
      withdrawn: (count) => pluralize("fr", count, { one: "déjà retirée", other: "déjà retirées" }),
      expired: (count) => pluralize("fr", count, { one: "expirée", other: "expirées" }),
      missing: (count) => pluralize("fr", count, { one: "introuvable", other: "introuvables" }),
      not_permitted: () => "rôle supérieur au vôtre",
      rate_limited: () => "trop d’envois cette heure-ci",
      seat_limit: () => "plus de place libre",
      busy: (count) => pluralize("fr", count, { one: "modifiée entre-temps", other: "modifiées entre-temps" }),
    },
  },
};
