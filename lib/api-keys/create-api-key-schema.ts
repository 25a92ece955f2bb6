import { z } from "zod";
import { API_KEY_SCOPES } from "./api-key-scopes";

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, "Name the key").max(60, "Keep the name under 60 characters"),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Choose at least one scope").max(API_KEY_SCOPES.length),
  expiresInDays: z.union([z.literal(30), z.literal(90), z.literal(365), z.null()]).default(90),
});
