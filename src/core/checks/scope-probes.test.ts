import { describe, expect, it } from 'vitest';
import { classifyReply } from '../atlassian';
import { allScopes } from '../catalog';
import { fillPath, IMPOSSIBLE_ID, inferScopes, NOT_AN_ID, probeForOperation, probesFor, verdictOf, type ProbeRequest } from './scope-probes';

/** Every request a probe may ever send, over the whole catalog. */
const everyProbe = [...new Set(allScopes().flatMap(({ scope }) => probesFor(scope)))];

/** The values a request puts where its template has parameters. */
function filled(probe: ProbeRequest): string[] {
  const template = probe.template.split('/');
  return probe.path.split('/').filter((_, i) => template[i]?.startsWith('{'));
}

describe('safe requests', () => {
  it('covers every catalog write scope it can, and only with change requests aimed at ids no object has', () => {
    const writes = everyProbe.filter((p) => p.write);
    expect(writes.length).toBeGreaterThan(100);
    for (const probe of writes) {
      expect(['POST', 'PUT', 'DELETE']).toContain(probe.method);
      // An operation without a path parameter acts on the site or the caller: never a probe.
      const numbers = filled(probe).filter((value) => /^\d+$/.test(value));
      expect(numbers.length, `${probe.method} ${probe.path}`).toBeGreaterThan(0);
      for (const id of numbers) expect(BigInt(id) >= 10n ** 12n, `${probe.method} ${probe.path}`).toBe(true);
    }
  });

  it('fits the impossible id in a Java long, as Jira’s ids are', () => {
    expect(IMPOSSIBLE_ID).toMatch(/^\d{15,}$/);
    expect(BigInt(IMPOSSIBLE_ID) < 2n ** 63n - 1n).toBe(true);
  });

  it('never targets an id below 10^12, in reads either', () => {
    for (const probe of everyProbe) {
      for (const value of filled(probe)) if (/^\d+$/.test(value)) expect(BigInt(value) >= 10n ** 12n, probe.path).toBe(true);
    }
  });

  it('refuses changes named only by a string that could exist, or not named at all', () => {
    const unsafe = [
      ['PUT', '/rest/api/3/issue/properties/{propertyKey}'], // sets a property on every issue
      ['PUT', '/rest/api/3/user/properties/{propertyKey}'],
      ['PUT', '/rest/api/3/application-properties/{id}'], // `id` is a setting's key
      ['DELETE', '/rest/builds/0.1/pipelines/{pipelineId}/builds/{buildNumber}'], // the build tool's own ids
      ['DELETE', '/rest/devinfo/0.10/repository/{repositoryId}'],
      ['POST', '/rest/agile/1.0/sprint'],
      ['DELETE', '/rest/api/3/webhook'],
      ['PUT', '/rest/forge/1/app/properties/{propertyKey}'],
    ] as const;
    for (const [method, template] of unsafe) expect(probeForOperation({ method, template }), `${method} ${template}`).toBeUndefined();
  });

  it('aims a change at a nonexistent parent when the last parameter is a free string', () => {
    expect(probeForOperation({ method: 'DELETE', template: '/rest/agile/1.0/board/{boardId}/properties/{propertyKey}' })?.path).toBe(
      `/rest/agile/1.0/board/${IMPOSSIBLE_ID}/properties/${NOT_AN_ID}`,
    );
    // Permission scheme 0 is Jira's Default Permission Scheme.
    expect(probeForOperation({ method: 'POST', template: '/rest/api/3/permissionscheme/{schemeId}/permission' })?.path).toBe(
      `/rest/api/3/permissionscheme/${IMPOSSIBLE_ID}/permission`,
    );
  });

  it('sends the catalog’s read-only POSTs as reads, and never an empty-set or app-only operation', () => {
    expect(probeForOperation({ method: 'POST', template: '/rest/api/3/search/jql' })).toMatchObject({ write: false });
    expect(probeForOperation({ method: 'GET', template: '/rest/api/3/serverInfo' })).toBeUndefined();
    expect(probeForOperation({ method: 'POST', template: '/rest/api/3/app/field/value' })).toBeUndefined();
    for (const probe of everyProbe) {
      expect(probe.sets.length).toBeGreaterThan(0);
      for (const set of probe.sets) expect(set.length).toBeGreaterThan(0);
      expect(probe.path).not.toMatch(/^\/rest\/(forge|atlassian-connect)\//);
    }
  });

  it('hands out one object per operation, so requests key maps by identity', () => {
    const sprint = probeForOperation({ method: 'GET', template: '/rest/agile/1.0/sprint/{sprintId}' });
    expect(probesFor('read:sprint:jira-software')).toContain(sprint);
    expect(new Set(everyProbe.map((p) => `${p.method} ${p.path}`)).size).toBe(everyProbe.length);
  });
});

describe('fillPath', () => {
  it('fills ids with the impossible id and keys with a value that is no id', () => {
    expect(fillPath('/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}')).toBe(`/rest/api/3/issue/${IMPOSSIBLE_ID}/properties/${NOT_AN_ID}`);
    expect(fillPath('/rest/api/3/statuscategory/{idOrKey}')).toBe(`/rest/api/3/statuscategory/${IMPOSSIBLE_ID}`);
  });
});

describe('verdictOf', () => {
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    classifyReply('GET /x (gateway)', { status, text: body === undefined ? '' : JSON.stringify(body), header: (n) => headers[n] ?? null }, 1, 0);

  it('takes Jira’s own error answers as past the scope check', () => {
    // The recorded answer for an issue that does not exist.
    expect(verdictOf(reply(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} }))).toBe('allowed');
    expect(verdictOf(reply(400, { errorMessages: [], errors: { jql: 'required' } }))).toBe('allowed');
    expect(verdictOf(reply(403, { errorMessages: ['You do not have permission.'], errors: {} }))).toBe('allowed');
    expect(verdictOf(reply(200, { values: [] }))).toBe('allowed');
  });

  it('never takes a 404 in another shape (a path the gateway does not route) as held', () => {
    expect(verdictOf(reply(404, undefined))).toBe('inconclusive');
    expect(verdictOf(reply(404, { message: 'Not Found' }))).toBe('inconclusive');
    expect(verdictOf(reply(404, { code: 404, message: 'Not Found' }))).toBe('inconclusive');
    expect(verdictOf(reply(403, { errorMessages: ['Forbidden'] }))).toBe('inconclusive');
  });

  it('reads a scope mismatch as denied and a fault as nothing', () => {
    expect(verdictOf(reply(401, { code: 401, message: 'Unauthorized; scope does not match' }, { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' }))).toBe(
      'denied',
    );
    expect(verdictOf(reply(401, { code: 401, message: 'Unauthorized' }))).toBe('inconclusive');
    expect(verdictOf(reply(503, undefined))).toBe('inconclusive');
  });
});

describe('inferScopes', () => {
  it('reads single-set answers directly', () => {
    const { held, missing } = inferScopes([
      { sets: [['a']], verdict: 'allowed' },
      { sets: [['b']], verdict: 'denied' },
    ]);
    expect([...held]).toEqual(['a']);
    expect([...missing]).toEqual(['b']);
  });
  it('leaves a scope undecided when another set may have allowed the request', () => {
    const { held } = inferScopes([{ sets: [['classic'], ['granular']], verdict: 'allowed' }]);
    expect(held.size).toBe(0);
  });
  it('propagates: a refuted alternative proves the other set, and a denial names the last unproven scope', () => {
    const { held, missing } = inferScopes([
      { sets: [['classic'], ['granular']], verdict: 'allowed' },
      { sets: [['classic']], verdict: 'denied' },
      { sets: [['granular', 'other']], verdict: 'denied' },
    ]);
    expect(held.has('granular')).toBe(true);
    expect(missing.has('classic')).toBe(true);
    expect(missing.has('other')).toBe(true);
  });
  it('holds what every open set of an allowed request shares, and names what decided each scope', () => {
    const allowed = {
      sets: [
        ['a', 'b'],
        ['a', 'c'],
      ],
      verdict: 'allowed' as const,
    };
    const { held, decidedBy } = inferScopes([allowed]);
    expect([...held]).toEqual(['a']);
    expect(decidedBy.get('a')).toBe(allowed);
  });
});
