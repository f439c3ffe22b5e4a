/** The requests the token check's scope probes send (src/core/checks/scope-probes.ts), against the emulator. */
import { describe, expect, it } from 'vitest';
import { gatewayRequest, mapLimit } from '../../src/core/atlassian';
import { allScopes } from '../../src/core/catalog';
import { probesFor, verdictOf } from '../../src/core/checks';
import { DEMO_ACCOUNTS, DEMO_SITE } from '../../src/emulator';
import { useCheckRun } from '../support/check-run';

const { emulator, deps } = useCheckRun();

describe('probe requests against the emulator', () => {
  const classic = { basic: { email: DEMO_ACCOUNTS.admin.email, token: DEMO_ACCOUNTS.admin.classicToken } };

  it('changes nothing with any request a probe can send, even with a token allowed everything', async () => {
    // A classic token passes every scope check: each request reaches the point where Jira would act on it.
    const every = [...new Set(allScopes().flatMap(({ scope }) => probesFor(scope)))];
    const from = emulator().requests.length;
    const patient = { ...deps(), timeoutMs: 10_000 };
    const outcomes = await mapLimit(every, 24, (probe) => gatewayRequest(patient, DEMO_SITE.cloudId, probe.method, probe.path, classic));
    const recorded = emulator().requests.slice(from);
    expect(recorded).toHaveLength(every.length);
    expect(recorded.filter((r) => r.mutated)).toEqual([]);
    expect(outcomes.filter((o) => verdictOf(o) !== 'allowed').map((o) => [o.request, o.kind, o.status])).toEqual([]);
  });

  it('reads the gateway’s 404 for a path it does not route as no answer at all', async () => {
    const outcome = await gatewayRequest(deps(), DEMO_SITE.cloudId, 'GET', '/rest/api/3/no-such-resource/999999999999999999', classic);
    expect(outcome).toMatchObject({ kind: 'not-found', jiraErrorShape: false });
    expect(verdictOf(outcome)).toBe('inconclusive');
  });
});
