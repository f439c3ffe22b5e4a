/** The token check (src/core/checks/token.ts) against the emulator. */
import { describe, expect, it } from 'vitest';
import { checkToken } from '../../src/core/checks';
import { requireProfile } from '../../src/core/profiles';
import { DEMO_ACCOUNTS, DEMO_SITE, DEMO_TOKENS } from '../../src/emulator';
import { byId, FAULTS, useCheckRun } from '../support/check-run';

const { emulator, deps, keep } = useCheckRun();

describe('checkToken against the emulator', () => {
  const kendisToken = requireProfile('kendis-user-token');
  const ana = { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.admin.email };

  it('finds Ana’s scoped token missing exactly the two write scopes', async () => {
    const report = keep(await checkToken(deps(), { ...ana, token: DEMO_TOKENS.kendisScopedAna.token, profile: kendisToken }));
    expect(report.kind).toBe('scoped');
    expect(report.accountId).toBe(DEMO_ACCOUNTS.admin.accountId);
    expect(report.gatewayUrl).toBe(`https://api.atlassian.com/ex/jira/${DEMO_SITE.cloudId}`);
    expect(
      report.probes
        .filter((p) => p.status === 'missing')
        .map((p) => p.scope)
        .sort(),
    ).toEqual([...DEMO_TOKENS.kendisScopedAna.omittedFromKendisProfile].sort());
    // Every other scope a safe request can tell is confirmed; the rest say why no request can.
    expect(report.probes.filter((p) => p.status === 'held')).toHaveLength(10);
    expect(report.probeRounds).toBeLessThanOrEqual(2);
    expect(byId(report, 'token.scopes.undecidable')?.detail).toContain(
      'delete:comment:jira: every safe request that needs it is also allowed by write:jira-work',
    );
    expect(byId(report, 'token.scopes.unprobeable')?.detail).toContain('delete:cmdb-object:jira');
    expect(byId(report, 'token.scopes.ambiguous')).toBeUndefined();
    expect(byId(report, 'token.kind')?.status).toBe('warn');
    expect(byId(report, 'token.scopes.missing')?.fix).toContain('cannot change');
    expect(report.verdict).toBe('fail');
  });
  it('finds nothing missing on Uri’s complete token', async () => {
    const report = keep(
      await checkToken(deps(), { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.user.email, token: DEMO_TOKENS.kendisScopedUri.token, profile: kendisToken }),
    );
    expect(report.probes.some((p) => p.status === 'missing')).toBe(false);
    expect(report.verdict).toBe('warn');
  });
  it('recognises a classic token and says scopes do not apply', async () => {
    const report = keep(await checkToken(deps(), { ...ana, token: DEMO_ACCOUNTS.admin.classicToken, profile: kendisToken, cloudId: DEMO_SITE.cloudId }));
    expect(report.kind).toBe('classic');
    expect(byId(report, 'token.scopes')?.title).toContain('do not apply');
  });
  it('fails an expired token with the fix', async () => {
    const report = keep(await checkToken(deps(), { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.user.email, token: DEMO_TOKENS.expiredUri.token }));
    expect(report.kind).toBe('invalid');
    expect(byId(report, 'token.accepted')?.fix).toContain('id.atlassian.com/manage-profile/security/api-tokens');
  });
  it('fails a token that belongs to someone else, naming whose it is', async () => {
    const report = keep(await checkToken(deps(), { ...ana, token: DEMO_ACCOUNTS.admin.classicToken, expectedAccountId: DEMO_ACCOUNTS.user.accountId }));
    expect(byId(report, 'token.accepted')).toMatchObject({ status: 'pass' });
    expect(byId(report, 'token.owner')).toMatchObject({ status: 'fail', title: `This token belongs to someone else: ${DEMO_ACCOUNTS.admin.email}` });
    expect(report.verdict).toBe('fail');
  });
  it('calls a past expiry date of a working token wrong, and an expired token expired', async () => {
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const future = new Date(Date.now() + 211 * 86_400_000).toISOString().slice(0, 10);
    const working = keep(await checkToken(deps(), { ...ana, token: DEMO_ACCOUNTS.admin.classicToken, expiresOn: past }));
    expect(byId(working, 'token.expiry')).toMatchObject({ status: 'warn', title: 'The expiry date you entered seems wrong' });
    const expired = { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.user.email, token: DEMO_TOKENS.expiredUri.token };
    expect(byId(keep(await checkToken(deps(), { ...expired, expiresOn: past })), 'token.expiry')).toMatchObject({
      status: 'fail',
      title: `Expired on ${past}`,
    });
    // A refused token's future date would read "Expires in 211 days": it says nothing, so it is left out.
    expect(byId(keep(await checkToken(deps(), { ...expired, expiresOn: future })), 'token.expiry')).toBeUndefined();
  });
  it('warns when the token expires within 30 days', async () => {
    const soon = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const report = keep(await checkToken(deps(), { ...ana, token: DEMO_ACCOUNTS.admin.classicToken, expiresOn: soon }));
    expect(byId(report, 'token.expiry')?.status).toBe('warn');
  });
  it.each(FAULTS)('says unknown, never fail, on a $kind fault from the gateway', async (fault) => {
    emulator().faults.add({ host: 'api', ...fault, retryAfter: 0 });
    const report = keep(await checkToken(deps(), { ...ana, token: DEMO_TOKENS.kendisScopedAna.token, profile: kendisToken }));
    expect(report.results.some((r) => r.status === 'fail')).toBe(false);
    expect(report.verdict).toBe('unknown');
  });
  it('keeps a probe fault as unknown for that scope only', async () => {
    emulator().faults.add({ host: 'api', pathPrefix: '/rest/agile/1.0/sprint', kind: '500' });
    const report = keep(await checkToken(deps(), { ...ana, token: DEMO_TOKENS.kendisScopedAna.token, profile: kendisToken }));
    expect(byId(report, 'token.scopes.unanswered')?.status).toBe('unknown');
    expect(report.results.every((r) => r.status !== 'fail' || r.id === 'token.scopes.missing')).toBe(true);
  });
});
