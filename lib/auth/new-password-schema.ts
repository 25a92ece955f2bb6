import { z } from "zod";

/** The one rule for a password someone chooses: at sign-up, on reset, on change. */
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(200, "Use at most 200 characters");

export const NEW_PASSWORD_MIN_LENGTH = 12;
