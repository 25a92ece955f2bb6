"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { rejectJoinRequest } from "@/lib/join-requests/reject-join-request";
import { joinRequestTargetSchema, requestsPaths } from "./input-schemas";

export async function rejectJoinRequestAction(input: unknown) {
  return runAction(
    joinRequestTargetSchema.extend({ rejection: z.unknown().optional() }),
    input,
    (actor, { teamSlug, requestId, rejection }) => rejectJoinRequest(actor, { slug: teamSlug }, requestId, rejection),
    requestsPaths,
  );
}
