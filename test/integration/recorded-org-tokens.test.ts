/** The organization API token list in its documented shape: read by the client, served by the emulator. */
import { describe, expect, it } from 'vitest';
import { listOrgTokens, nextPageUrl } from '../../src/core/checks';
import { DEMO_ORG, startEmulator, type Emulator } from '../../src/emulator';
import { recorded } from '../../src/emulator/recorded';

const PAGE = recorded('admin.api-tokens.page');
const ORG_ID = 'demo-org-8f2a61c4-0d7e-4b9a-a1f3-5c6e7d8b9a01';
const API = 'https://api.atlassian.com';
const FIRST = `${API}/admin/api-access/v1/orgs/${ORG_ID}/api-tokens`;

/** The recorded page, then the same page without links.next: what a two-page list looks like on the wire. */
function twoPages() {
  const urls: string[] = [];
  const headers: (Record<string, string> | undefined)[] = [];
  const fetch = async (url: string, init?: { headers?: Record<string, string> }) => {
    urls.push(url);
    headers.push(init?.headers);
    const json = PAGE.response.json as { data: unknown[]; links: Record<string, string> };
    const body = urls.length === 1 ? json : { ...json, links: { self: json.links.self } };
    return { status: 200, headers: { get: (name: string) => PAGE.response.headers[name] ?? null }, text: async () => JSON.stringify(body) };
  };
  return { fetch, urls, headers };
}

describe("'admin.api-tokens.page'", () => {
  it('is read in full, its cursor followed as ?cursor=, the key sent as Bearer only to this API', async () => {
    const wire = twoPages();
    const now = new Date('2026-12-01T10:00:00Z');
    const report = await listOrgTokens(
      { fetch: wire.fetch, hosts: { auth: '', api: API, site: () => '' }, clock: { now: () => now, sleep: async () => {} } },
      { orgId: ORG_ID, adminKey: 'demo-recorded-key' },
    );
    expect(wire.urls).toEqual([FIRST, `${FIRST}?cursor=ZGVtby1jdXJzb3ItMQ`]);
    expect(wire.headers.every((h) => h?.Authorization === 'Bearer demo-recorded-key')).toBe(true);
    expect(report).toMatchObject({ verdict: 'warn', pages: 2 });
    expect(report.tokens[0]).toMatchObject({ label: 'Kendis sync', user: { email: 'ana@acme.example' }, daysToExpiry: 4, flags: ['expires-7d'] });
    expect(JSON.stringify(report)).not.toContain('demo-recorded-key');
  });

  it('is the shape the emulator serves, token by token', async () => {
    const emulator: Emulator = await startEmulator();
    try {
      const reply = await fetch(`${emulator.url}/api/admin/api-access/v1/orgs/${DEMO_ORG.id}/api-tokens`, {
        headers: { Authorization: `Bearer ${DEMO_ORG.adminKey}` },
      });
      const served = (await reply.json()) as { data: Record<string, unknown>[]; links: Record<string, unknown> };
      const documented = PAGE.response.json as { data: Record<string, unknown>[]; links: Record<string, unknown> };
      expect(Object.keys(served.data[0]!).sort()).toEqual(Object.keys(documented.data[0]!).sort());
      expect(Object.keys(served.data[0]!.user as object).sort()).toEqual(Object.keys(documented.data[0]!.user as object).sort());
      expect(Object.keys(served.links).sort()).toEqual(Object.keys(documented.links).sort());
      for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) expect(reply.headers.get(name), name).toBeTruthy();
    } finally {
      await emulator.close();
    }
  });
});

describe('links.next', () => {
  it('is a cursor, or a URL of this same endpoint; any other URL is not followed with the key', () => {
    expect(nextPageUrl(FIRST, 'abc=')).toBe(`${FIRST}?cursor=abc%3D`);
    expect(nextPageUrl(FIRST, `${FIRST}?cursor=abc`)).toBe(`${FIRST}?cursor=abc`);
    expect(nextPageUrl(FIRST, 'https://evil.example/admin/api-access/v1/orgs/x/api-tokens?cursor=abc')).toBeNull();
    expect(nextPageUrl(FIRST, `${FIRST}-more?cursor=abc`)).toBeNull();
    expect(nextPageUrl(FIRST, `${API}/admin/v1/orgs/${ORG_ID}/users`)).toBeNull();
  });
});
