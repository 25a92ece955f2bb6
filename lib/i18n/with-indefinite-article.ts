/** "an Admin", "a Member": English's article by the sound a word starts with (a vowel letter, near enough for role names). */
export function withIndefiniteArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}
