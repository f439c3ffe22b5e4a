import { describe, expect, it } from 'vitest';
import { AUTH_MISMATCH_FAILURE, type Outcome } from '../atlassian';
import { kindOf } from './token-kind';
import type { TokenKindDetected } from './types';

/** The status each kind comes with (none when no reply came back). */
const STATUS: Record<Outcome['kind'], number | undefined> = {
  ok: 200,
  'bad-request': 400,
  'invalid-credentials': 401,
  'scope-mismatch': 401,
  expired: 403,
  forbidden: 403,
  'not-found': 404,
  'rate-limited': 429,
  'server-error': 503,
  timeout: undefined,
  'network-error': undefined,
  malformed: 200,
  unexpected: 302,
};
const outcome = (kind: Outcome['kind'], failureCategory?: string): Outcome => {
  if (kind === 'ok') return { kind, request: 'GET /x', status: 200, body: {}, attempts: 1 };
  const status = STATUS[kind];
  return { kind, request: 'GET /x', attempts: 1, reason: `GET /x: ${kind}`, ...(status ? { status } : {}), ...(failureCategory ? { failureCategory } : {}) };
};

type Class = 'ok' | 'refused' | 'scope' | 'other' | 'fault';
const CLASSES: Record<Class, readonly Outcome['kind'][]> = {
  ok: ['ok'],
  refused: ['invalid-credentials'],
  scope: ['scope-mismatch'],
  // Answers that say something, but nothing about the token's kind.
  other: ['bad-request', 'forbidden', 'expired', 'not-found'],
  fault: ['rate-limited', 'server-error', 'timeout', 'network-error', 'malformed', 'unexpected'],
};

/**
 * Every site answer × every gateway answer. Classic only on the site's word (whether the gateway takes
 * classic tokens is not known); scoped when the site refuses and the gateway recognises the credentials;
 * invalid when both refuse them; anything else unknown.
 */
const EXPECTED: Record<Class, Record<Class, TokenKindDetected>> = {
  ok: { ok: 'classic', refused: 'classic', scope: 'classic', other: 'classic', fault: 'classic' },
  refused: { ok: 'scoped', refused: 'invalid', scope: 'scoped', other: 'unknown', fault: 'unknown' },
  scope: { ok: 'scoped', refused: 'unknown', scope: 'scoped', other: 'unknown', fault: 'unknown' },
  other: { ok: 'unknown', refused: 'unknown', scope: 'unknown', other: 'unknown', fault: 'unknown' },
  fault: { ok: 'unknown', refused: 'unknown', scope: 'unknown', other: 'unknown', fault: 'unknown' },
};

const COMBINATIONS = (Object.keys(CLASSES) as Class[]).flatMap((siteClass) =>
  (Object.keys(CLASSES) as Class[]).flatMap((gatewayClass) =>
    CLASSES[siteClass].flatMap((site) => CLASSES[gatewayClass].map((gateway) => [site, gateway, EXPECTED[siteClass][gatewayClass]] as const)),
  ),
);

describe('kindOf', () => {
  it('covers every pair of outcome kinds', () => {
    expect(COMBINATIONS).toHaveLength(13 * 13);
  });

  it.each(COMBINATIONS)('site %s + gateway %s → %s, with a reason', (site, gateway, kind) => {
    const decision = kindOf(outcome(site), outcome(gateway));
    expect(decision.kind).toBe(kind);
    expect(decision.because.length).toBeGreaterThan(10);
  });

  it.each([
    [AUTH_MISMATCH_FAILURE, 'invalid'],
    [undefined, 'invalid'],
    ['FAILURE_CLIENT_SOMETHING_NEW', 'unknown'],
  ] as const)('site 401 + gateway 401 with failure category %s → %s', (category, kind) => {
    expect(kindOf(outcome('invalid-credentials'), outcome('invalid-credentials', category)).kind).toBe(kind);
  });

  it('says why it could not tell', () => {
    expect(kindOf(outcome('server-error'), outcome('ok')).because).toBe('GET /x: server-error');
    expect(kindOf(outcome('invalid-credentials'), outcome('timeout')).because).toBe('GET /x: timeout');
    expect(kindOf(outcome('forbidden'), outcome('ok')).because).toMatch(/site answered 403 \(forbidden\).*proves neither kind/);
    expect(kindOf(outcome('invalid-credentials'), outcome('not-found')).because).toMatch(/gateway answered 404 \(not-found\)/);
    expect(kindOf(outcome('invalid-credentials'), outcome('invalid-credentials', 'FAILURE_CLIENT_SOMETHING_NEW')).because).toContain(
      'FAILURE_CLIENT_SOMETHING_NEW',
    );
  });
});
