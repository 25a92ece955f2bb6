"use server";

import { runAction } from "@/lib/actions/run-action";
import { approveJoinRequest } from "@/lib/join-requests/approve-join-request";
import { joinRequestTargetSchema, requestsPaths } from "./input-schemas";

export async function approveJoinRequestAction(input: unknown) {
  return runAction(
    joinRequestTargetSchema,
    input,
    (actor, { teamSlug, requestId }) => approveJoinRequest(actor, { slug: teamSlug }, requestId),
    requestsPaths,
  );
}
