import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch } from '../atlassian/testing';
import { checkToken } from './token';

describe('checkToken: a scoped token that cannot read its own account', () => {
  // The site refuses a scoped token on /myself; the gateway refuses /myself only for scope, body only.
  const fetch = () =>
    fakeFetch((url) =>
      url.includes('/ex/jira/')
        ? { status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } }
        : { status: 401, body: 'Client must be authenticated to access this resource.', headers: { 'Content-Type': 'text/plain' } },
    );
  const input = { site: 'acme', email: 'a@b.example', token: 'demo-token-value', cloudId: 'cloud-1' };

  it('is a valid scoped token, never "not accepted"', async () => {
    const report = await checkToken(fakeDeps(fetch()), input);
    expect(report.kind).toBe('scoped');
    const accepted = report.results.find((r) => r.id === 'token.accepted');
    expect(accepted).toMatchObject({ status: 'pass', evidence: { site: 'invalid-credentials', gateway: 'scope-mismatch', gatewayStatus: 401 } });
    expect(accepted?.title).toContain('cannot read its own account (it lacks read:jira-user');
    expect(accepted?.detail).toContain('read:jira-user, or read:application-role:jira + read:avatar:jira + read:group:jira + read:user:jira');
    expect(report.results.some((r) => r.title === 'Token not accepted')).toBe(false);
  });

  it('says whose it is could not be checked, rather than passing as if it had been', async () => {
    const report = await checkToken(fakeDeps(fetch()), { ...input, expectedAccountId: 'acct-1' });
    expect(report.results.find((r) => r.id === 'token.owner')).toMatchObject({ status: 'warn', title: 'Could not confirm the token is yours' });
    expect(report.results.find((r) => r.id === 'token.owner')?.fix).toContain('id.atlassian.com');
    expect(report.results.find((r) => r.id === 'token.owner')?.urls).toEqual(['https://id.atlassian.com/manage-profile/security/api-tokens']);
    expect(report.verdict).toBe('warn');
    expect(JSON.stringify(report)).not.toContain('demo-token-value');
  });
});
