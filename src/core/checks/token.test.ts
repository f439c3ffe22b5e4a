import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch } from '../atlassian/testing';
import type { Outcome } from '../atlassian';
import { InputError } from '../model';
import { checkToken, kindOf } from './token';

const outcome = (kind: Outcome['kind']): Outcome =>
  kind === 'ok' ? { kind, request: 'GET /x', status: 200, body: {}, attempts: 1 } : { kind, request: 'GET /x', attempts: 1, reason: 'r' };

describe('kindOf', () => {
  it.each([
    ['ok', 'invalid-credentials', 'classic'],
    ['invalid-credentials', 'ok', 'scoped'],
    ['invalid-credentials', 'scope-mismatch', 'scoped'],
    ['invalid-credentials', 'invalid-credentials', 'invalid'],
    ['invalid-credentials', 'timeout', 'unknown'],
    ['server-error', 'ok', 'unknown'],
  ] as const)('site %s + gateway %s → %s', (site, gateway, kind) => {
    expect(kindOf(outcome(site), outcome(gateway))).toBe(kind);
  });
});

describe('checkToken', () => {
  it('validates input before any request', async () => {
    const fetch = fakeFetch(() => ({ status: 200, body: {} }));
    await expect(checkToken(fakeDeps(fetch), { site: 'evil.example.com', email: 'a@b.example', token: 'demo-t' })).rejects.toThrow(InputError);
    await expect(checkToken(fakeDeps(fetch), { site: 'acme', email: 'not-an-email', token: 'demo-t' })).rejects.toThrow(InputError);
    await expect(checkToken(fakeDeps(fetch), { site: 'acme', email: 'a@b.example', token: '' })).rejects.toThrow(InputError);
    expect(fetch.calls).toHaveLength(0);
  });
  it('uses a given Cloud ID without a tenant_info round trip and never echoes the token', async () => {
    const fetch = fakeFetch((url) => (url.includes('/ex/jira/') ? { status: 200, body: { accountId: 'acct-1' } } : { status: 401 }));
    const report = await checkToken(fakeDeps(fetch), { site: 'acme', email: 'a@b.example', token: 'demo-token-value', cloudId: 'cloud-1' });
    expect(fetch.calls.some((c) => c.url.includes('tenant_info'))).toBe(false);
    expect(report).toMatchObject({ kind: 'scoped', accountId: 'acct-1', gatewayUrl: 'https://api.atlassian.com/ex/jira/cloud-1' });
    expect(JSON.stringify(report)).not.toContain('demo-token-value');
  });
});
