import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instantClock } from '../../src/core/atlassian/testing';
import { checkDataCenter, type CheckDeps, type DataCenterReport, type ResultId } from '../../src/core/checks';
import { requireProfile } from '../../src/core/profiles';
import { DEMO_DC, startEmulator, type Emulator, type FaultKind } from '../../src/emulator';

let emulator: Emulator;
let deps: CheckDeps;
let baseUrl: string;
const reports: DataCenterReport[] = [];
const kendis = requireProfile('kendis-dc-oauth');
const link = DEMO_DC.link;

beforeAll(async () => {
  emulator = await startEmulator();
  baseUrl = `${emulator.url}${DEMO_DC.pathPrefix}`;
  deps = { fetch: (url, init) => fetch(url, init), hosts: emulator.hosts, clock: instantClock(new Date()), timeoutMs: 1500, random: () => 0.5 };
});
afterEach(() => emulator.faults.clear());
afterAll(async () => {
  const json = JSON.stringify(reports);
  for (const secret of [link.clientSecret, DEMO_DC.pat, DEMO_DC.expiredPat, 'demo-dc-wrong-secret']) expect(json).not.toContain(secret);
  // Every request went to the Data Center server, none to Atlassian's Cloud hosts, and nothing changed.
  expect(emulator.requests.length).toBeGreaterThan(0);
  expect(emulator.requests.every((r) => r.host === 'dc' && !r.mutated)).toBe(true);
  expect(JSON.stringify(emulator.requests)).not.toContain(link.clientSecret);
  await emulator.close();
});

async function check(input: Omit<Parameters<typeof checkDataCenter>[1], 'baseUrl'>): Promise<DataCenterReport> {
  const report = await checkDataCenter(deps, { baseUrl, ...input });
  reports.push(report);
  return report;
}

const byId = (report: DataCenterReport, id: ResultId) => report.results.find((r) => r.id === id);

describe('checkDataCenter against the emulated Jira Data Center server', () => {
  it('passes the demo link, its callback URL, ADMIN for Kendis and Ana’s token', async () => {
    const report = await check({
      clientId: link.clientId,
      clientSecret: link.clientSecret,
      callbackUrl: link.redirectUrl,
      scopes: link.permission,
      token: DEMO_DC.pat,
      profile: kendis,
    });
    expect(report.verdict).toBe('pass');
    expect(report.baseUrl).toBe(baseUrl);
    expect(report.results.map((r) => r.id)).toEqual(['dc.credentials', 'dc.callback-url', 'dc.permission', 'dc.token']);
    expect(byId(report, 'dc.token')?.title).toBe(`Token accepted for ${DEMO_DC.user.name} (${DEMO_DC.user.displayName})`);
    expect(emulator.requests.at(-1)).toMatchObject({ host: 'dc', authKind: expect.any(String), query: {} });
  });

  it('fails a wrong secret and an unknown client ID', async () => {
    const wrongSecret = await check({ clientId: link.clientId, clientSecret: 'demo-dc-wrong-secret' });
    expect(byId(wrongSecret, 'dc.credentials')).toMatchObject({
      status: 'fail',
      evidence: expect.objectContaining({ httpStatus: 401, error: 'invalid_client' }),
    });
    expect((await check({ clientId: 'nobody', clientSecret: link.clientSecret })).verdict).toBe('fail');
  });

  it.each<FaultKind>(['500', 'hang', 'reset', 'malformed', '429'])('a %s fault on the token endpoint is unknown, never fail', async (kind) => {
    emulator.faults.add({ host: 'dc', pathPrefix: '/rest/oauth2/latest/token', kind, retryAfter: 0 });
    const report = await check({ clientId: link.clientId, clientSecret: 'demo-dc-wrong-secret' });
    expect(byId(report, 'dc.credentials')?.status).toBe('unknown');
  });

  it('a 500 or a hang on myself is unknown, never fail', async () => {
    for (const kind of ['500', 'hang'] as const) {
      emulator.faults.add({ host: 'dc', pathPrefix: '/rest/api/2/myself', kind });
      const report = await check({ token: DEMO_DC.expiredPat });
      expect(report.verdict).toBe('unknown');
      emulator.faults.clear();
    }
  });

  it('fails an expired personal access token', async () => {
    const report = await check({ token: DEMO_DC.expiredPat, profile: kendis });
    expect(byId(report, 'dc.token')).toMatchObject({ status: 'fail', fix: expect.stringContaining('Personal Access Tokens') });
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/rest/api/2/myself', status: 401, authKind: 'bearer' });
  });

  it('fails a permission lower than the ADMIN Kendis needs', async () => {
    const report = await check({ clientId: link.clientId, clientSecret: link.clientSecret, scopes: 'WRITE', profile: kendis });
    expect(byId(report, 'dc.credentials')?.status).toBe('pass');
    expect(byId(report, 'dc.permission')).toMatchObject({ status: 'fail', fix: expect.stringContaining('Permission → Admin') });
    expect(report.verdict).toBe('fail');
  });
});
