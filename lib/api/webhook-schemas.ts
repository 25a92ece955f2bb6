import "server-only";
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/webhook-events";
import type { WebhookDeliveryDto, WebhookEndpointDto } from "@/lib/webhooks/webhook-dto";

/** The webhooks API's response shapes (its request bodies are lib/webhooks/webhook-endpoint-schema.ts), for the OpenAPI document. */

export const apiWebhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  previousSecretExpiresAt: z.iso
    .datetime()
    .nullable()
    .describe("Until when the secret replaced by the last rotation also signs; null when none does"),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}) satisfies z.ZodType<WebhookEndpointDto>;

export const webhookEndpointListSchema = z.object({ data: z.array(apiWebhookEndpointSchema) });

export const webhookSecretSchema = z.object({
  secret: z
    .string()
    .describe("The signing secret (`whsec_…`): verify deliveries with any Standard Webhooks or Svix library"),
});

export const createdWebhookEndpointSchema = z.object({
  endpoint: apiWebhookEndpointSchema,
  secret: webhookSecretSchema.shape.secret,
});

export const rotatedWebhookSecretSchema = z.object({
  secret: webhookSecretSchema.shape.secret,
  previousSecretExpiresAt: z.iso.datetime().describe("The replaced secret also signs until then"),
});

export const apiWebhookDeliverySchema = z.object({
  id: z.uuid().describe("Sent as `webhook-id` on every attempt and replay"),
  endpointId: z.uuid(),
  eventType: z.enum(WEBHOOK_EVENT_TYPES),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  payload: z.unknown().describe("The JSON body sent: { type, timestamp, data }"),
  attemptLog: z.array(
    z.object({
      number: z.number().int(),
      startedAt: z.iso.datetime(),
      durationMs: z.number().int(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
}) satisfies z.ZodType<Omit<WebhookDeliveryDto, "eventType"> & { eventType: string }>;

export const webhookDeliveryPageSchema = z.object({
  data: z.array(apiWebhookDeliverySchema),
  next: z.string().nullable().describe("Cursor for the next page; null on the last page"),
});
