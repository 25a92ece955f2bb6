import "server-only";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";

/** A path's team segment: an id when it is a UUID, otherwise a slug. */
export function toTeamRef(team: string): TeamRef {
  return isUuid(team) ? { teamId: team } : { slug: team };
}
