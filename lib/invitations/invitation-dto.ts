import type { Prisma } from "@/lib/generated/prisma/client";
import { deriveInvitationStatus, type InvitationDisplayStatus } from "./status";

/** The columns every invitation view reads; the token (hash or sealed) is never selected. */
export const invitationDtoSelect = {
  id: true,
  email: true,
  status: true,
  language: true,
  createdAt: true,
  updatedAt: true,
  expiresAt: true,
  respondedAt: true,
  declineReason: true,
  sendCount: true,
  lastSentAt: true,
  deliveryStatus: true,
  deliveryError: true,
  role: { select: { id: true, key: true, name: true, rank: true } },
  inviter: { select: { id: true, name: true, email: true } },
  team: { select: { id: true, name: true, slug: true } },
  groups: { select: { group: { select: { id: true, name: true } } } },
} satisfies Prisma.InvitationSelect;

type Row = Prisma.InvitationGetPayload<{ select: typeof invitationDtoSelect }>;

export type InvitationDto = {
  id: string;
  email: string;
  status: InvitationDisplayStatus;
  language: string;
  role: { id: string; key: string; name: string; rank: number };
  groups: Array<{ id: string; name: string }>;
  inviter: { id: string; name: string; email: string } | null;
  team: { id: string; name: string; slug: string };
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  declineReason: string | null;
  sendCount: number;
  lastSentAt: Date | null;
  delivery: { status: Row["deliveryStatus"]; error: string | null };
};

export function toInvitationDto(row: Row, now: Date): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    status: deriveInvitationStatus(row, now),
    language: row.language,
    role: row.role,
    groups: row.groups.map((g) => g.group).sort((a, b) => a.name.localeCompare(b.name)),
    inviter: row.inviter,
    team: row.team,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresAt: row.expiresAt,
    respondedAt: row.respondedAt,
    declineReason: row.declineReason,
    sendCount: row.sendCount,
    lastSentAt: row.lastSentAt,
    delivery: { status: row.deliveryStatus, error: row.deliveryError },
  };
}
