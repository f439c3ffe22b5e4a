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
  it('names missing scopes with their capability, and notes a pasted list without offline_access', async () => {
    const fetch = fakeFetch(() => ({ status: 403, body: { error: 'invalid_grant' } }));
    const report = await checkOAuthClient(fakeDeps(fetch), { ...input, profile: requireProfile('kendis-cloud-oauth') });
    const missing = report.results.find((r) => r.id === 'oauth.coverage.missing');
    expect(missing?.status).toBe('fail');
    expect(missing?.detail).toMatch(/write:sprint:jira-software +needed for: Update sprints/);
    // Deleting sprints is only likely: asked about, in the same console words, never failed.
    const likely = report.results.find((r) => r.id === 'oauth.coverage.likely.delete-sprints');
    expect(likely).toMatchObject({ status: 'warn', fix: expect.stringMatching(/^Ask Kendis whether it deletes sprints; if so, in developer\.atlassian\.com/) });
    // A console list never holds offline_access: only the consent test can tell, so nothing to do here.
    const targetprocess = await checkOAuthClient(fakeDeps(fetch), { ...input, profile: requireProfile('targetprocess') });
    const offline = targetprocess.results.find((r) => r.id === 'oauth.scopes.offline-access');
    expect(offline).toMatchObject({ status: 'info', detail: expect.stringContaining('consent test') });
    expect(offline?.fix).toBeUndefined();
  });
});
