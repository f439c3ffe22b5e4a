/**
 * How much of a secret may be shown to say which one is stored ("set · ends in …1a2b"). A few characters
 * of a short secret narrow it down too far, so below this length none are shown.
 */
export const MIN_LENGTH_FOR_HINT = 16;

/** The last `count` characters of a secret long enough to spare them, else undefined. */
export function secretEnding(secret: string, count: number): string | undefined {
  return secret.length >= MIN_LENGTH_FOR_HINT ? secret.slice(-count) : undefined;
}

/** What a page may show of a stored secret: whether one is set and, when it was long enough, its last characters. */
export function secretHintOf(set: boolean, ending: string | undefined): { set: boolean; endsWith?: string } {
  if (!set) return { set: false };
  return ending ? { set: true, endsWith: `…${ending}` } : { set: true };
}
