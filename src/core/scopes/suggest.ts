/**
 * Did-you-mean over known strings: Damerau–Levenshtein distance (optimal string alignment: insert,
 * delete, substitute, swap two neighbours), bounded so a long or unrelated input costs little.
 */

/** Inputs longer than this are not typos of a scope (the longest scope is well under it). */
const MAX_INPUT_LENGTH = 80;

/** Edit distance between a and b, or `max + 1` as soon as it is certain to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows: the transposition step looks two rows back.
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** How many edits still count as a typo: more for longer strings, never more than 3. */
export function typoBudget(length: number): number {
  if (length <= 4) return 1;
  if (length <= 10) return 2;
  return 3;
}

/**
 * The candidate closest to `input` within the typo budget; ties go to the alphabetically first so the
 * answer never depends on candidate order. Undefined when nothing is close.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length === 0 || input.length > MAX_INPUT_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = typoBudget(input.length) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate, bestDistance);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      if (distance <= typoBudget(input.length)) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}
