/** A person's token history against the emulator: a revoked token is recorded as a change, and forget erases it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_SITE, startEmulator, type Emulator } from '../../src/emulator';
import type { DataOf, PayloadOf, ResolverName, ResolverResponse, TokenCheckSummary } from '../../src/forge/api';
import { invokeResolver } from '../../src/forge/resolvers';
import type { TokenReport } from '../../src/core/checks/types';
import { recheckToken, TOKEN_STRIP_LENGTH, type TokenHistory } from '../../src/forge/tokens';
import { MemorySecretStore, MemoryStore } from '../../src/local/adapters/memory';
import { demoContext, localDeps, type LocalAppDeps } from '../../src/local/deps';

let emulator: Emulator;
let deps: LocalAppDeps;
const ana = DEMO_ACCOUNTS.admin;

async function data<K extends ResolverName>(name: K, payload: PayloadOf<K>): Promise<DataOf<K>> {
  const response = (await invokeResolver(name, payload, demoContext('admin'), deps)) as ResolverResponse<DataOf<K>>;
  if (!response.ok) throw new Error(`${name}: ${response.error.message}`);
  return response.data;
}

beforeAll(async () => {
  emulator = await startEmulator();
  deps = localDeps({ store: new MemoryStore(), secrets: new MemorySecretStore(), hosts: emulator.hosts, log: () => undefined });
});
afterAll(async () => {
  await emulator.close();
});

describe('token history', () => {
  it('records that a kept token is no longer accepted, never the token, and forgets it all on request', async () => {
    const first = await data('checkMyToken', { email: ana.email, token: ana.classicToken, profileId: 'oneconnect-classic-token', recheck: true });
    expect(first.verdict).not.toBe('fail');
    // The person revoked the token in their Atlassian account.
    emulator.state.apiTokens.delete(ana.classicToken);
    expect(await recheckToken(ana.accountId, deps)).toBe(true);

    const summary = await deps.store.get<TokenCheckSummary>(`token-check:${ana.accountId}`);
    expect(summary?.verdict).toBe('fail');
    expect(summary?.latestChange?.changes).toEqual(
      expect.arrayContaining([{ kind: 'verdict', from: first.verdict, to: 'fail' }, { kind: 'credential-refused' }]),
    );
    const history = await deps.store.get<TokenHistory>(`token-history:${ana.accountId}`);
    expect(history?.history.map((p) => p.verdict)).toEqual(['fail', first.verdict]);
    expect(JSON.stringify(history)).not.toContain(ana.classicToken);
    expect(DEMO_SITE.host).toBe(first.site);

    expect(await data('forgetMyToken', {})).toEqual({ forgotten: true });
    expect(await deps.store.get(`token-history:${ana.accountId}`)).toBeUndefined();
  });

  it('gives the summary the last 20 verdicts, newest first, for the Tokens tab’s strip', async () => {
    const uri = DEMO_ACCOUNTS.user;
    const check = { email: uri.email, token: uri.classicToken, profileId: 'oneconnect-classic-token', recheck: false };
    const times: string[] = [];
    for (let i = 0; i < TOKEN_STRIP_LENGTH + 2; i++) {
      times.unshift((await invokeResolver('checkMyToken', check, demoContext('user'), deps).then(checked)).checkedAt);
    }
    const summary = await deps.store.get<TokenCheckSummary>(`token-check:${uri.accountId}`);
    expect(summary?.recentVerdicts).toHaveLength(TOKEN_STRIP_LENGTH);
    expect(summary?.recentVerdicts?.map((point) => point.checkedAt)).toEqual(times.slice(0, TOKEN_STRIP_LENGTH));
    // Only what a strip draws: no scopes, no acceptance, nothing else of the history.
    expect(Object.keys(summary?.recentVerdicts?.[0] ?? {}).sort()).toEqual(['checkedAt', 'verdict']);
  });
});

function checked(response: ResolverResponse<unknown>): TokenReport {
  if (!response.ok) throw new Error(response.error.message);
  return response.data as TokenReport;
}
