import { z } from "zod";

/** Every id in Teamgate is a UUID; anything else is refused before it reaches a `::uuid` cast. */
export const uuidSchema = z.uuid({ message: "Must be a valid id" });

export function isUuid(value: string): boolean {
  return uuidSchema.safeParse(value).success;
}
