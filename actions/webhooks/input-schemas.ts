import { z } from "zod";

const teamSlug = z.string().min(1).max(64);

/** The envelope an action routes on; the endpoint's own fields travel on as `unknown`, parsed once by the data layer. */
export const newEndpointSchema = z.strictObject({ teamSlug, endpoint: z.unknown() });
export const endpointTargetSchema = z.strictObject({ teamSlug, endpointId: z.string().max(64) });
export const endpointChangeSchema = z.strictObject({ teamSlug, endpointId: z.string().max(64), change: z.unknown() });
export const deliveryTargetSchema = z.strictObject({
  teamSlug,
  endpointId: z.string().max(64),
  deliveryId: z.string().max(64),
});

export const webhooksPath = (input: { teamSlug: string }) => `/teams/${input.teamSlug}/settings/webhooks`;
export const endpointPath = (input: { teamSlug: string; endpointId: string }) =>
  `/teams/${input.teamSlug}/settings/webhooks/${input.endpointId}`;
