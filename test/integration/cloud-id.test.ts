/** The Cloud ID lookup (src/core/checks/cloud-id.ts) against the emulator. */
import { describe, expect, it } from 'vitest';
import { lookupCloudId } from '../../src/core/checks';
import { InputError } from '../../src/core/model';
import { DEMO_OTHER_SITE, DEMO_SITE } from '../../src/emulator';
import { byId, FAULTS, useCheckRun } from '../support/check-run';

const { emulator, deps, keep } = useCheckRun();

describe('lookupCloudId against the emulator', () => {
  it('reads each demo site’s Cloud ID', async () => {
    expect(keep(await lookupCloudId(deps(), 'acme')).cloudId).toBe(DEMO_SITE.cloudId);
    expect(keep(await lookupCloudId(deps(), `https://${DEMO_OTHER_SITE.host}/jira`)).cloudId).toBe(DEMO_OTHER_SITE.cloudId);
  });
  it('fails for a site that does not exist', async () => {
    const report = keep(await lookupCloudId(deps(), 'nosuchsite'));
    expect(report.verdict).toBe('fail');
    expect(byId(report, 'cloud-id')?.fix).toContain('admin.atlassian.com');
  });
  it('refuses a non-Atlassian host before any request', async () => {
    const before = emulator().requests.length;
    await expect(lookupCloudId(deps(), '127.0.0.1')).rejects.toThrow(InputError);
    expect(emulator().requests.length).toBe(before);
  });
  it.each(FAULTS)('says unknown, never fail, on a $kind fault', async (fault) => {
    emulator().faults.add({ pattern: /tenant_info$/, ...fault, retryAfter: 0 });
    expect(keep(await lookupCloudId(deps(), 'acme')).verdict).toBe('unknown');
  });
});
