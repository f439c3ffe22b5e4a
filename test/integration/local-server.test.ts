/**
 * The local page's stand-in for the Forge bridge: /api/context and /api/invoke over a real emulator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_SITE } from '../../src/emulator/demo';
import { ADMIN_ONLY_MESSAGE } from '../../src/forge/resolvers';
import { InputError } from '../../src/core/model';
import { MAX_INVOKE_BYTES, startLocalServer, type LocalServer } from '../../src/local/server';

let server: LocalServer;
let dataDir: string;
let staticDir: string;

function invoke(body: string, contentType = 'application/json') {
  return fetch(`${server.url}/api/invoke`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-local-'));
  // An empty folder stands in for a missing UI build.
  staticDir = await mkdtemp(join(tmpdir(), 'scope-doctor-nobuild-'));
  server = await startLocalServer({ dataDir, staticDir, log: () => {} });
});

afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(staticDir, { recursive: true, force: true });
});

describe('local server', () => {
  it('gives the page its context for the chosen demo person', async () => {
    const admin = await (await fetch(`${server.url}/api/context`)).json();
    expect(admin).toEqual({
      moduleKey: 'scope-doctor-admin-page',
      accountId: DEMO_ACCOUNTS.admin.accountId,
      displayName: DEMO_ACCOUNTS.admin.displayName,
      siteUrl: `https://${DEMO_SITE.host}`,
      cloudId: DEMO_SITE.cloudId,
      theme: { colorMode: 'light' },
    });
    const user = await (await fetch(`${server.url}/api/context?as=user&page=personal`)).json();
    expect(user).toMatchObject({ moduleKey: 'scope-doctor-personal-page', accountId: DEMO_ACCOUNTS.user.accountId });
  });

  it('runs a resolver round trip and lists the seeded connections', async () => {
    const response = await invoke(JSON.stringify({ key: 'listConnections', payload: {}, as: 'admin' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; data: { name: string }[] };
    expect(body.ok).toBe(true);
    expect(body.data.map((c) => c.name)).toEqual(['OnePlan OneConnect (EU)', 'Targetprocess']);
  });

  it('refuses admin resolvers to ?as=user', async () => {
    const response = await invoke(JSON.stringify({ key: 'getSite', payload: {}, as: 'user' }));
    expect(await response.json()).toEqual({ ok: false, error: { code: 'forbidden', message: ADMIN_ONLY_MESSAGE } });
  });

  it('answers bad requests with a 4xx envelope and keeps serving', async () => {
    const badJson = await invoke('{not json');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
    expect((await invoke('"just a string"')).status).toBe(400);
    expect((await invoke(JSON.stringify({ payload: {} }))).status).toBe(400);
    expect((await invoke('key=getSite', 'text/plain')).status).toBe(415);
    expect((await invoke(JSON.stringify({ key: 'x', payload: 'a'.repeat(MAX_INVOKE_BYTES) }))).status).toBe(413);
    expect((await fetch(`${server.url}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${server.url}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/context`)).status).toBe(200);
  });

  it('says how to build the UI when there is no build', async () => {
    const page = await fetch(`${server.url}/admin`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:ui');
  });

  it('keeps its data between starts and does not seed twice', async () => {
    const again = await startLocalServer({ dataDir, staticDir, emulatorUrl: server.emulatorUrl, log: () => {} });
    try {
      const response = await fetch(`${again.url}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'listConnections', payload: {}, as: 'admin' }),
      });
      expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(2);
    } finally {
      await again.close();
    }
  });

  it('says the port is taken, as input to change', async () => {
    const port = Number(new URL(server.url).port);
    const attempt = startLocalServer({ port, dataDir, staticDir, log: () => {} });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(`port ${port} is already in use`);
  });
});
