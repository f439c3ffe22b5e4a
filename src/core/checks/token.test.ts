import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch } from '../atlassian/testing';
import { InputError } from '../model';
import { checkToken } from './token';

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
    expect(report.results.find((r) => r.id === 'token.kind')?.urls).toEqual(['https://api.atlassian.com/ex/jira/cloud-1']);
    expect(JSON.stringify(report)).not.toContain('demo-token-value');
  });
});
