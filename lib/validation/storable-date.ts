import { z } from "zod";

/**
 * Dates PostgreSQL and the driver round-trip as four-digit ISO years. JavaScript dates reach
 * year 275760, which PostgreSQL refuses with an error, so a client-supplied date (a cursor's,
 * say) is checked against this first.
 */
export const storableDateSchema = z
  .date()
  .min(new Date("0001-01-01T00:00:00.000Z"), "Must be a date from year 1")
  .max(new Date("9999-12-31T23:59:59.999Z"), "Must be a date before year 10000");
