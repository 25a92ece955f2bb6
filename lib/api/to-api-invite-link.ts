import "server-only";
import type { z } from "zod";
import type { InviteLinkDto } from "@/lib/invite-links/invite-link-dto";
import type { apiInviteLinkSchema } from "./schemas";

export function toApiInviteLink(link: InviteLinkDto): z.infer<typeof apiInviteLinkSchema> {
  return {
    id: link.id,
    role: { id: link.role.id, key: link.role.key, name: link.role.name },
    allowedDomain: link.allowedDomain,
    uses: link.uses,
    maxUses: link.maxUses,
    status: link.status,
    created: link.createdAt.toISOString(),
    expires: link.expiresAt.toISOString(),
    revoked: link.revokedAt?.toISOString() ?? null,
    creator: link.createdBy,
  };
}
