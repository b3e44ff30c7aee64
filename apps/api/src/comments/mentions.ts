/**
 * `@email` tokens in a comment: an @ at the start or after a character that cannot be part of an
 * address, then an address. Returned lower-cased and without repeats, in order of appearance.
 */
const MENTION = /(?<![\w.%+-])@([\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;

export function mentionedEmails(body: string): string[] {
  const emails = [...body.matchAll(MENTION)].map((match) => match[1]!.toLowerCase());
  return [...new Set(emails)];
}
