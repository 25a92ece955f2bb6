/** Prisma's `contains` passes % and _ through to LIKE; a search for "a_b" means those characters. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
