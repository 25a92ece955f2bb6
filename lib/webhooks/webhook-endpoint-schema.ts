import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./webhook-events";

const fields = {
  url: z.string().trim().min(1, "Enter the endpoint's URL").max(2_000, "At most 2,000 characters"),
  description: z.string().trim().max(200, "At most 200 characters"),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, "Choose at least one event")
    .max(WEBHOOK_EVENT_TYPES.length)
    .transform((events) => WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type))),
  enabled: z.boolean(),
};

/** A new endpoint: the UI's form and the API's POST body. */
export const createWebhookEndpointSchema = z.strictObject({
  ...fields,
  description: fields.description.default(""),
  enabled: fields.enabled.default(true),
});

/** An edit: any of the same fields (the API's PATCH, the UI's form and its enable switch). */
export const updateWebhookEndpointSchema = z
  .strictObject({
    url: fields.url.optional(),
    description: fields.description.optional(),
    events: fields.events.optional(),
    enabled: fields.enabled.optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), "Change at least one field");

export type CreateWebhookEndpointInput = z.output<typeof createWebhookEndpointSchema>;
export type UpdateWebhookEndpointInput = z.output<typeof updateWebhookEndpointSchema>;
