/**
 * Every recorded Atlassian response is valid, names its public source, holds nothing that looks like a real
 * credential, and is replayed by a domain test (`recorded-*.test.ts` names it), so no fixture sits unused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRecorded } from '../../src/emulator/recorded';

const REPLAY_TESTS = readdirSync('test/integration')
  .filter((f) => /^recorded-.+\.test\.ts$/.test(f))
  .map((f) => readFileSync(`test/integration/${f}`, 'utf8'))
  .join('\n');

describe('recorded Atlassian responses', () => {
  const recorded = [...allRecorded().values()];

  it('load, each with an https source', () => {
    expect(recorded.length).toBeGreaterThan(0);
    for (const exchange of recorded) expect(exchange.source).toMatch(/^https:\/\//);
  });

  it.each(recorded.map((r) => [r.name]))('%s is replayed by a recorded-*.test.ts', (name) => {
    expect(REPLAY_TESTS).toContain(`'${name}'`);
  });

  it('hold nothing shaped like a real Atlassian token', () => {
    for (const exchange of recorded) expect(JSON.stringify(exchange)).not.toMatch(/ATATT|ATCTT|eyJ[A-Za-z0-9_-]{20,}/);
  });
});
