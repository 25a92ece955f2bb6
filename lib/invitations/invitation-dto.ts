import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { InvitationDisplayStatus } from "./status";

/** What every invitation view reads (see readInvitationDtos); the token (hash or sealed) is never in it. */
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
  delivery: { status: DeliveryStatus; error: string | null };
};
