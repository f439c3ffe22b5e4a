import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch, type FakeReply } from '../atlassian/testing';
import { requireProfile } from '../profiles';
import { CONTROL_CLIENT_SECRET, checkOAuthClient, INVALID_AUTHORIZATION_CODE } from './oauth-client';

const input = { clientId: 'demo-client', clientSecret: 'demo-secret-value', scopes: 'read:project:jira' };

const BAD_CLIENT: FakeReply = { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
const BAD_CODE: FakeReply = { status: 400, body: { error: 'invalid_request', error_description: 'authorization_code is invalid' } };
const BAD_CODE_OLDER: FakeReply = { status: 403, body: { error: 'invalid_grant', error_description: 'Invalid authorization code' } };

/** Answers the request carrying the real secret with `real`, any other (the control) with `control`. */
function byClientSecret(real: FakeReply, control: FakeReply) {
  return fakeFetch((_url, init) => (secretOf(init?.body) === input.clientSecret ? real : control));
}

function secretOf(body: string | undefined): unknown {
  return body === undefined ? undefined : (JSON.parse(body) as { client_secret?: unknown }).client_secret;
}

async function credentials(real: FakeReply, control: FakeReply) {
  const report = await checkOAuthClient(fakeDeps(byClientSecret(real, control)), input);
  return report.results.find((r) => r.id === 'oauth.credentials');
}

describe('checkOAuthClient credentials, decided by difference', () => {
  it.each([
    ['today’s 400', BAD_CODE],
    ['the older 403', BAD_CODE_OLDER],
  ])('passes when only the control is refused as a bad client (%s for the code)', async (_name, codeRefusal) => {
    const result = await credentials(codeRefusal, BAD_CLIENT);
    expect(result).toMatchObject({ status: 'pass', title: 'Client ID and secret accepted' });
    expect(result?.evidence).toMatchObject({ httpStatus: codeRefusal.status, controlHttpStatus: 401, controlError: 'access_denied' });
  });

  it('fails when both are refused as a bad client, with the console fix', async () => {
    const result = await credentials(BAD_CLIENT, BAD_CLIENT);
    expect(result).toMatchObject({ status: 'fail', fix: expect.stringContaining('Settings') });
    expect(result?.evidence).toMatchObject({ httpStatus: 401, error: 'access_denied', controlHttpStatus: 401, controlError: 'access_denied' });
  });

  it.each([
    ['today’s 400', BAD_CODE],
    ['the older 403', BAD_CODE_OLDER],
  ])('says unknown, pointing at the consent test, when the endpoint checks the code first (%s for both)', async (_name, codeRefusal) => {
    const result = await credentials(codeRefusal, codeRefusal);
    expect(result).toMatchObject({ status: 'unknown', fix: expect.stringContaining('consent test') });
    expect(result?.detail).toContain('answers the same whatever the secret');
    expect(result?.evidence).toMatchObject({ httpStatus: codeRefusal.status, controlHttpStatus: codeRefusal.status });
  });

  it.each<[string, FakeReply, FakeReply]>([
    ['a 429 for the real secret', { status: 429, headers: { 'Retry-After': '60' } }, BAD_CLIENT],
    ['a 5xx for the control', BAD_CODE, { status: 502 }],
    ['malformed JSON', { status: 200, body: '<html>' }, BAD_CLIENT],
    ['tokens for a code that cannot exist', { status: 200, body: { access_token: 'demo-access' } }, BAD_CLIENT],
    ['a bad client only with the real secret', BAD_CLIENT, BAD_CODE],
    ['the two code refusals mixed', BAD_CODE, BAD_CODE_OLDER],
    ['another error code', { status: 403, body: { error: 'unauthorized_client' } }, BAD_CLIENT],
    ['a 400 with another error code', { status: 400, body: { error: 'unsupported_grant_type' } }, BAD_CLIENT],
    ['a 401 without access_denied', { status: 401 }, { status: 401 }],
  ])('says unknown, never pass or fail, on %s', async (_name, real, control) => {
    expect((await credentials(real, control))?.status).toBe('unknown');
  });

  it('says unknown when a request times out', async () => {
    const hang = fakeFetch(
      (_url, init) => new Promise<FakeReply>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const report = await checkOAuthClient(fakeDeps(hang, { timeoutMs: 20 }), input);
    expect(report.results.find((r) => r.id === 'oauth.credentials')).toMatchObject({ status: 'unknown', detail: expect.stringContaining('no answer') });
  });

  it('sends the same invalid code twice, the control with a fixed made-up secret never derived from the real one', async () => {
    const seenSecrets: unknown[] = [];
    for (const clientSecret of ['demo-secret-value', 'demo-other-secret']) {
      const fetch = byClientSecret(BAD_CODE, BAD_CLIENT);
      await checkOAuthClient(fakeDeps(fetch), { ...input, clientSecret });
      const bodies = fetch.calls.map((call) => JSON.parse(String(call.init?.body)) as Record<string, string>);
      expect(bodies).toHaveLength(2);
      expect(bodies[0]?.code).toBe(INVALID_AUTHORIZATION_CODE);
      expect(bodies[1]?.code).toBe(INVALID_AUTHORIZATION_CODE);
      const control = bodies.find((body) => body.client_secret !== clientSecret);
      expect(control?.client_secret).toBe(CONTROL_CLIENT_SECRET);
      expect(control?.client_secret).not.toContain(clientSecret);
      seenSecrets.push(control?.client_secret);
    }
    expect(seenSecrets[0]).toBe(seenSecrets[1]);
  });

  it('skips the credential probe without a secret, and never echoes the secret', async () => {
    const fetch = byClientSecret(BAD_CODE, BAD_CLIENT);
    const skipped = await checkOAuthClient(fakeDeps(fetch), { ...input, clientSecret: undefined });
    expect(skipped.results[0]?.status).toBe('unknown');
    expect(fetch.calls).toHaveLength(0);
    for (const [real, control] of [
      [BAD_CODE, BAD_CLIENT],
      [BAD_CLIENT, BAD_CLIENT],
      [BAD_CODE, BAD_CODE],
    ] as const) {
      const report = await checkOAuthClient(fakeDeps(byClientSecret(real, control)), input);
      expect(JSON.stringify(report)).not.toContain('demo-secret-value');
    }
  });
});

describe('checkOAuthClient', () => {
  it('names missing scopes with their capability, and notes a pasted list without offline_access', async () => {
    const fetch = byClientSecret(BAD_CODE, BAD_CLIENT);
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
