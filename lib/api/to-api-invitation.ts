import "server-only";
import type { z } from "zod";
import type { InvitationDto } from "@/lib/invitations/invitation-dto";
import type { apiInvitationSchema } from "./schemas";

/** The public Invitation object: display fields only, never a token. */
export function toApiInvitation(dto: InvitationDto): z.output<typeof apiInvitationSchema> {
  return {
    id: dto.id,
    created: dto.createdAt.toISOString(),
    lastModified: dto.updatedAt.toISOString(),
    status: dto.status,
    email: dto.email,
    role: { id: dto.role.id, key: dto.role.key, name: dto.role.name },
    groups: dto.groups,
    language: dto.language,
    expires: dto.expiresAt.toISOString(),
    delivery: { status: dto.delivery.status, lastError: dto.delivery.error },
    creator: dto.inviter,
    team: dto.team,
  };
}
