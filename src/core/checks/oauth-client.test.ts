import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch } from '../atlassian/testing';
import { requireProfile } from '../profiles';
import { checkOAuthClient } from './oauth-client';

const input = { clientId: 'demo-client', clientSecret: 'demo-secret-value', scopes: 'read:project:jira' };

function credentialsStatus(reply: { status: number; body?: unknown }) {
  const fetch = fakeFetch(() => reply);
  return checkOAuthClient(fakeDeps(fetch), input).then((r) => r.results.find((x) => x.id === 'oauth.credentials'));
}

describe('checkOAuthClient', () => {
  it('fails on 401 access_denied, passes on 403 invalid_grant, else unknown', async () => {
    expect((await credentialsStatus({ status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } }))?.status).toBe('fail');
    expect((await credentialsStatus({ status: 403, body: { error: 'invalid_grant', error_description: 'Invalid authorization code' } }))?.status).toBe('pass');
    expect((await credentialsStatus({ status: 500 }))?.status).toBe('unknown');
    expect((await credentialsStatus({ status: 200, body: '<html>' }))?.status).toBe('unknown');
  });
  it('skips the credential probe without a secret, and never echoes the secret', async () => {
    const fetch = fakeFetch(() => ({ status: 401, body: { error: 'access_denied' } }));
    const skipped = await checkOAuthClient(fakeDeps(fetch), { ...input, clientSecret: undefined });
    expect(skipped.results[0]?.status).toBe('unknown');
    expect(fetch.calls).toHaveLength(0);
    const report = await checkOAuthClient(fakeDeps(fetch), input);
    expect(JSON.stringify(report)).not.toContain('demo-secret-value');
  });
  it('names missing scopes with their capability and asks for offline_access', async () => {
    const fetch = fakeFetch(() => ({ status: 403, body: { error: 'invalid_grant' } }));
    const report = await checkOAuthClient(fakeDeps(fetch), { ...input, profile: requireProfile('kendis-cloud-oauth') });
    const missing = report.results.find((r) => r.id === 'oauth.coverage.missing');
    expect(missing?.status).toBe('fail');
    expect(missing?.detail).toMatch(/write:sprint:jira-software +needed for: Update and delete sprints/);
    const targetprocess = await checkOAuthClient(fakeDeps(fetch), { ...input, profile: requireProfile('targetprocess') });
    expect(targetprocess.results.find((r) => r.id === 'oauth.scopes.offline-access')).toMatchObject({ status: 'warn', fix: expect.stringContaining('offline_access') });
  });
});
