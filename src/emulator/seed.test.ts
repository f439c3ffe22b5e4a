import { describe, expect, it } from 'vitest';
import { isKnownScope } from '../core/catalog';
import { DEMO_APP_SCOPES, DEMO_OTHER_SITE, DEMO_SITE, DEMO_TOKEN_SCOPES, KENDIS_USER_TOKEN_SCOPES } from './demo';
import { FakeClock } from './fake-clock';
import { seedDemoTenant } from './seed';
import { EmulatorState } from './state';

describe('demo tenant', () => {
  const state = new EmulatorState(new FakeClock());
  seedDemoTenant(state);

  it('has two sites with distinct Cloud IDs', () => {
    expect(state.siteByCloudId(DEMO_SITE.cloudId)?.host).toBe(DEMO_SITE.host);
    expect(state.siteByCloudId(DEMO_OTHER_SITE.cloudId)?.host).toBe(DEMO_OTHER_SITE.host);
  });

  it('seeds the scenario scope lists', () => {
    expect(KENDIS_USER_TOKEN_SCOPES).toHaveLength(20);
    expect(DEMO_TOKEN_SCOPES.kendisScopedAna).toHaveLength(18);
    expect(DEMO_TOKEN_SCOPES.kendisScopedAna).not.toContain('write:epic:jira-software');
    expect(DEMO_TOKEN_SCOPES.kendisScopedUri).toHaveLength(20);
    expect(DEMO_APP_SCOPES.oneconnect.filter((s) => s !== 'offline_access')).toHaveLength(22);
    expect(DEMO_APP_SCOPES.targetprocess.filter((s) => s !== 'offline_access')).toHaveLength(13);
    expect(DEMO_APP_SCOPES.kendis).not.toContain('write:sprint:jira-software');
  });

  it('uses only well-formed scope strings in the apps (the typos of seed 003 are corrected)', () => {
    for (const scopes of Object.values(DEMO_APP_SCOPES)) {
      for (const scope of scopes) expect(isKnownScope(scope), scope).toBe(true);
    }
  });
});
