import { describe, expect, it } from 'vitest';
import { allScopes } from '../catalog';
import { fillPath, inferScopes, planProbe } from './scope-probes';

describe('planProbe', () => {
  it('probes a read scope with a GET and a nonexistent id', () => {
    expect(planProbe('read:sprint:jira-software').request).toMatchObject({ method: 'GET', path: '/rest/agile/1.0/sprint/0' });
  });
  it('prefers a request no other scope set allows', () => {
    expect(planProbe('read:project:jira').request?.sets).toEqual([['read:board-scope:jira-software', 'read:project:jira']]);
  });
  it('probes a write scope only through an id that cannot exist', () => {
    const plan = planProbe('write:sprint:jira-software');
    expect(plan.request?.method).not.toBe('GET');
    expect(plan.request?.path).toMatch(/\/0(\/|$)/);
  });
  it('says when nothing can be probed safely', () => {
    expect(planProbe('delete:cmdb-object:jira')).toMatchObject({ reason: expect.stringContaining('cannot be probed safely') });
  });
  it('never plans a change request without a nonexistent id, for any scope in the catalog', () => {
    for (const { scope } of allScopes()) {
      const request = planProbe(scope).request;
      if (request && request.method !== 'GET' && request.method !== 'POST') expect(request.path).toMatch(/\/0(\/|$)/);
      if (request?.method === 'POST' && !/\/0(\/|$)/.test(request.path)) expect(scope).toMatch(/^read:|^validate:/);
    }
  });
});

describe('fillPath', () => {
  it('uses 0 for ids and an impossible key for other parameters', () => {
    expect(fillPath('/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}')).toBe('/rest/api/3/issue/0/properties/SCOPEDOCTOR-0');
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
});
