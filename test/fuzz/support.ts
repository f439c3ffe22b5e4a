/**
 * What the fuzz suites share: how many inputs to try (a few hundred in `npm test`, many more in
 * `npm run test:heavy`), what counts as a typed refusal, where requests may go, and the linear-time check.
 */
import { performance } from 'node:perf_hooks';
import { expect } from 'vitest';
import { InputError } from '../../src/core/model';
import { SITE_DOMAINS } from '../../src/core/atlassian/site';

export const HEAVY = process.env.SCOPE_DOCTOR_HEAVY === '1';

/** Inputs per property: `fast` in npm test, `heavy` in test:heavy. */
export function runs(fast: number, heavy: number): number {
  return HEAVY ? heavy : fast;
}

export interface Tally {
  accepted: number;
  refused: number;
}

export const tally = (): Tally => ({ accepted: 0, refused: 0 });

/**
 * Runs `parse` and counts the answer; an InputError (or a subclass) is the only refusal allowed; anything
 * else thrown is a crash and fails the property.
 */
export function typed<T>(count: Tally, parse: () => T): T | undefined {
  try {
    const value = parse();
    count.accepted += 1;
    return value;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    count.refused += 1;
    return undefined;
  }
}

export async function typedAsync<T>(count: Tally, parse: () => Promise<T>): Promise<T | undefined> {
  try {
    const value = await parse();
    count.accepted += 1;
    return value;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    count.refused += 1;
    return undefined;
  }
}

const SITE_HOST = new RegExp(`^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.(?:${SITE_DOMAINS.map((d) => d.replace('.', '\\.')).join('|')})$`);

/** A Jira Cloud site host as parseSite may return it: one label under an Atlassian site domain. */
export function isSiteHost(host: string): boolean {
  return SITE_HOST.test(host) && new URL(`https://${host}/`).hostname === host;
}

/** Real Atlassian hosts a check may reach: the auth and API hosts, and Jira Cloud sites. */
export function isAtlassianUrl(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  return parsed.hostname === 'auth.atlassian.com' || parsed.hostname === 'api.atlassian.com' || isSiteHost(parsed.hostname);
}

/** How far past linear a measured ratio may go before it counts as superlinear: generous, for noisy machines. */
const FACTOR = 10;
/** The issue's measure: 10 KB, 100 KB and 1 MB. */
export const PASTE_SIZES = [10 * 1024, 100 * 1024, 1024 * 1024] as const;

/** Milliseconds per call: repeated until the total is long enough to measure, the fastest of three rounds. */
function timeOf(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const started = performance.now();
    do {
      run();
      calls += 1;
    } while (performance.now() - started < 20 && calls < 10_000);
    best = Math.min(best, (performance.now() - started) / calls);
  }
  return best;
}

/** `unit` repeated to at least `bytes` bytes. */
export function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Math.max(1, Buffer.byteLength(unit))));
}

export interface LinearResult {
  name: string;
  sizes: readonly number[];
  ms: readonly number[];
  /** Time of the largest paste over the smallest's, against their size ratio. */
  ratio: number;
  sizeRatio: number;
}

/**
 * The largest paste may cost at most FACTOR times its size ratio to the smallest (linear time; the factor
 * absorbs noise), measured within the run so the machine's speed does not matter; by default 1 MB against
 * 10 KB. As the smallest can be too quick to time, the largest is held to the middle one the same way:
 * quadratic work shows there too. Parsers with a size limit are measured below it as well (`sizes`).
 * `attempt` must not throw anything but an InputError.
 */
export function expectLinear(
  name: string,
  build: string | ((bytes: number) => string),
  attempt: (text: string) => unknown,
  sizes: readonly [number, number, number] = PASTE_SIZES,
): LinearResult {
  const text = (bytes: number) => (typeof build === 'string' ? repeatTo(build, bytes) : build(bytes));
  const run = (input: string) => () => {
    try {
      attempt(input);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  };
  const inputs = sizes.map(text);
  const actual = inputs.map((input) => Buffer.byteLength(input));
  const ms = inputs.map((input) => timeOf(run(input)));
  // A hundredth of a millisecond is below what a timer tells apart from noise.
  const over = (a: number, b: number) => ms[a]! / Math.max(ms[b]!, 0.01);
  const where = `${name}: ${actual.map((bytes, i) => `${ms[i]!.toFixed(3)} ms for ${bytes} bytes`).join(', ')}`;
  expect(over(2, 0), where).toBeLessThanOrEqual((actual[2]! / actual[0]!) * FACTOR);
  expect(over(2, 1), where).toBeLessThanOrEqual((actual[2]! / actual[1]!) * FACTOR);
  return { name, sizes: actual, ms, ratio: over(2, 0), sizeRatio: actual[2]! / actual[0]! };
}

/** The same measure for an async call (a resolver behind its payload schema), each size timed five times. */
export async function expectLinearAsync(name: string, build: (bytes: number) => unknown, attempt: (input: unknown) => Promise<unknown>): Promise<LinearResult> {
  const ms: number[] = [];
  for (const bytes of PASTE_SIZES) {
    const input = build(bytes);
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      await attempt(input);
      best = Math.min(best, performance.now() - started);
    }
    ms.push(best);
  }
  const over = (a: number, b: number) => ms[a]! / Math.max(ms[b]!, 0.05);
  const where = `${name}: ${ms.map((t, i) => `${t.toFixed(3)} ms for ${PASTE_SIZES[i]} bytes`).join(', ')}`;
  expect(over(2, 0), where).toBeLessThanOrEqual((PASTE_SIZES[2] / PASTE_SIZES[0]) * FACTOR);
  expect(over(2, 1), where).toBeLessThanOrEqual((PASTE_SIZES[2] / PASTE_SIZES[1]) * FACTOR);
  return { name, sizes: PASTE_SIZES, ms, ratio: over(2, 0), sizeRatio: PASTE_SIZES[2] / PASTE_SIZES[0] };
}

export function printLinear(suite: string, results: readonly LinearResult[]): void {
  const worst = results.reduce((a, b) => (b.ratio / b.sizeRatio > a.ratio / a.sizeRatio ? b : a));
  const slowest = results.reduce((a, b) => (b.ms[2]! > a.ms[2]! ? b : a));
  console.log(
    `${suite} linear time: ${results.length} adversarial pastes at three sizes (1 MB vs 10 KB unless a limit is lower); ` +
      `worst ${worst.name}: ${worst.ratio.toFixed(1)}× the time for ${worst.sizeRatio.toFixed(0)}× the size (limit ${FACTOR}× past linear); ` +
      `slowest ${slowest.name}: ${slowest.ms[2]!.toFixed(1)} ms for ${slowest.sizes[2]} bytes`,
  );
}
