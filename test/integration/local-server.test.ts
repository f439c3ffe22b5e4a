/**
 * The local page's stand-in for the Forge bridge: /api/context and /api/invoke over a real emulator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_SITE } from '../../src/emulator/demo';
import type { ConnectionView, DataOf, ResolverResponse, TokenCheckSummary } from '../../src/forge/api';
import { ADMIN_ONLY_MESSAGE } from '../../src/forge/resolvers';
import { InputError } from '../../src/core/model';
import { MAX_DRAIN_BYTES, MAX_INVOKE_BYTES, startLocalServer, type LocalServer } from '../../src/local/server';

let server: LocalServer;
let dataDir: string;
let staticDir: string;

const DAY_MS = 86_400_000;

/** Whole days before the server's clock of each time. */
function daysAgo(times: readonly string[]): number[] {
  return times.map((time) => Math.round((server.deps.clock.now().getTime() - Date.parse(time)) / DAY_MS));
}

/** A resolver's data, as the page gets it; throws on an error answer. */
async function data<T>(as: 'admin' | 'user', key: string, payload: object = {}, url = server.url): Promise<T> {
  const response = await fetch(`${url}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, payload, as }),
  });
  const body = (await response.json()) as ResolverResponse<T>;
  if (!body.ok) throw new Error(`${key}: ${body.error.message}`);
  return body.data;
}

function invoke(body: string, contentType = 'application/json') {
  return fetch(`${server.url}/api/invoke`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The request went over a connection an earlier one had used. */
  reused: boolean;
  ms: number;
}

/** One POST over `agent`, so a test can tell whether the next request gets the same connection. */
function post(agent: Agent, body: Buffer | string, path = '/api/invoke'): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, reused: req.reusedSocket, ms: performance.now() - started }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
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
    const admin = await (await fetch(`${server.url}/api/context?as=admin`)).json();
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
    expect(body.data.map((c) => c.name)).toEqual(['OnePlan OneConnect (EU)', 'OnePlan OneConnect (US)', 'Targetprocess']);
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

  it('answers 40 bodies of 1–10 MB with 413 and keeps the connection usable, and a larger one without a reset', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const listConnections = JSON.stringify({ key: 'listConnections', payload: {}, as: 'admin' });
    try {
      let refused = 0;
      for (let i = 0; i < 40; i++) {
        const size = (1 + (i % 10)) * 1024 * 1024 + 1;
        const answer = await post(agent, Buffer.alloc(size, 'a'));
        expect(answer.status, `body of ${size} bytes`).toBe(413);
        expect(JSON.parse(answer.body)).toEqual({
          ok: false,
          error: { code: 'invalid-input', message: `The request is larger than ${MAX_INVOKE_BYTES} bytes.` },
        });
        refused += 1;
        const next = await post(agent, listConnections);
        expect(next.status).toBe(200);
        expect(next.reused, 'the request after a 413 goes over the same connection').toBe(true);
        expect(next.ms).toBeLessThan(2000);
      }
      console.log(`oversized bodies: ${refused} of 40 answered 413, each followed by a request on the same connection`);
      // Past the drain limit the answer closes the connection, and the client still reads the 413.
      const huge = await post(agent, Buffer.alloc(MAX_DRAIN_BYTES + 1024 * 1024, 'a'));
      expect(huge.status).toBe(413);
      expect(huge.headers.connection).toBe('close');
      expect((await post(agent, listConnections)).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('counts the limit in bytes, not characters', async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      // Under the limit in characters, over it in UTF-8 bytes.
      const text = JSON.stringify({ key: 'x', payload: 'é'.repeat(MAX_INVOKE_BYTES / 2 + 10) });
      expect(text.length).toBeLessThan(MAX_INVOKE_BYTES);
      expect((await post(agent, text)).status).toBe(413);
      const fits = JSON.stringify({ key: 'explore', payload: { query: 'é'.repeat(100) }, as: 'admin' });
      expect((await post(agent, fits)).status).toBe(200);
      // A resolver's own limits are bytes too, and every payload within them fits the body limit once
      // JSON-escaped (a control character takes six bytes there), so the resolver explains, not a 413.
      const profile = async (text: string): Promise<unknown> =>
        JSON.parse((await post(agent, JSON.stringify({ key: 'saveProfile', payload: { profile: text }, as: 'admin' }))).body);
      expect(await profile(`{${'é'.repeat(49_999)}`)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^profile is not valid JSON/) } });
      expect(await profile(`{${'é'.repeat(50_000)}`)).toEqual({
        ok: false,
        error: { code: 'invalid-input', field: 'profile', message: 'profile: the profile is too large (limit 100,000 bytes)' },
      });
      expect(await profile(`{${'\u0001'.repeat(99_999)}`)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not valid JSON/) } });
    } finally {
      agent.destroy();
    }
  });

  it('refuses to be framed, on pages, files and the API alike', async () => {
    for (const path of ['/admin', '/personal', '/api/context', '/nothing-here.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const invoked = await invoke(JSON.stringify({ key: 'getMe', payload: {}, as: 'user' }));
    expect(invoked.headers.get('x-frame-options')).toBe('DENY');
  });

  it('says how to build the UI when there is no build', async () => {
    const page = await fetch(`${server.url}/admin`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:ui');
  });

  it('keeps its data between starts and does not seed twice', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'scope-doctor-local-'));
    const options = { dataDir: otherDir, staticDir, emulatorUrl: server.emulatorUrl, log: () => {} };
    try {
      await (await startLocalServer(options)).close();
      const again = await startLocalServer(options);
      try {
        const response = await fetch(`${again.url}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key: 'listConnections', payload: {}, as: 'admin' }),
        });
        expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(3);
      } finally {
        await again.close();
      }
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('starts with a few days of history made by real checks: a secret rotated yesterday, a token six days from expiry', async () => {
    const connections = await data<ConnectionView[]>('admin', 'listConnections');
    const rotated = connections.find((connection) => connection.name === 'OnePlan OneConnect (US)');
    // Passing daily checks, then yesterday's check after the vendor rotated the secret.
    expect(rotated?.history.map((point) => [point.verdict, point.accepted])).toEqual([
      ['fail', false],
      ['pass', true],
      ['pass', true],
    ]);
    expect(daysAgo(rotated?.history.map((point) => point.checkedAt) ?? [])).toEqual([1, 2, 3]);
    expect(rotated?.changes).toEqual([
      { at: rotated?.history[0]?.checkedAt, changes: [{ kind: 'verdict', from: 'pass', to: 'fail' }, { kind: 'credential-refused' }] },
    ]);
    // The emulator really refuses the secret the integration holds: today's check says so too, and changes nothing.
    const checked = await data<ConnectionView>('admin', 'checkConnection', { id: rotated?.id });
    expect(checked.lastReport?.results.find((result) => result.id === 'oauth.credentials')?.status).toBe('fail');
    expect(checked.changes).toHaveLength(1);
    for (const other of connections.filter((connection) => connection !== rotated)) expect(other.changes, other.name).toEqual([]);

    const [uri] = await data<TokenCheckSummary[]>('admin', 'listTokenChecks');
    const today = server.deps.clock.now();
    expect(uri).toMatchObject({ accountId: DEMO_ACCOUNTS.user.accountId, recheck: false });
    expect(Date.parse(uri?.expiresOn ?? '') - Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toBe(6 * DAY_MS);
    expect(daysAgo(uri?.recentVerdicts?.map((point) => point.checkedAt) ?? [])).toEqual([0, 1, 2]);
    const personal = await data<DataOf<'getMyTokenStatus'>>('user', 'getMyTokenStatus');
    expect(personal.last).toEqual(uri);
    expect(personal.lastReport?.results.find((result) => result.id === 'token.expiry')?.title).toContain('6 days');
  });

  it('brings a fresh emulator to the demo’s state on a later start, without seeding the history again', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'scope-doctor-local-'));
    try {
      await (await startLocalServer({ dataDir: otherDir, staticDir, log: () => {} })).close();
      const again = await startLocalServer({ dataDir: otherDir, staticDir, log: () => {} });
      try {
        const connections = await data<ConnectionView[]>('admin', 'listConnections', {}, again.url);
        const rotated = connections.find((connection) => connection.name === 'OnePlan OneConnect (US)');
        expect(rotated?.history).toHaveLength(3);
        const checked = await data<ConnectionView>('admin', 'checkConnection', { id: rotated?.id }, again.url);
        expect(checked.lastReport?.results.find((result) => result.id === 'oauth.credentials')?.status).toBe('fail');
      } finally {
        await again.close();
      }
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('refuses a second server on the same data folder, before it starts anything', async () => {
    const before = server.emulator?.requests.length;
    const attempt = startLocalServer({ dataDir, staticDir, emulatorUrl: server.emulatorUrl, log: () => {} });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(`${dataDir} is in use by another Scope Doctor (pid ${process.pid})`);
    expect(server.emulator?.requests.length).toBe(before);
    // The first one's lock is untouched.
    expect((await invoke(JSON.stringify({ key: 'getMe', payload: {}, as: 'user' }))).status).toBe(200);
    await expect(startLocalServer({ dataDir, staticDir, emulatorUrl: server.emulatorUrl, log: () => {} })).rejects.toThrow('is in use');
  });

  it('is the demo admin only for exactly as=admin; no `as` is the regular user', async () => {
    const getSite = (as?: unknown) => invoke(JSON.stringify({ key: 'getSite', payload: {}, as }));
    expect(await (await getSite('admin')).json()).toMatchObject({ ok: true });
    expect(await (await getSite()).json()).toEqual({ ok: false, error: { code: 'forbidden', message: ADMIN_ONLY_MESSAGE } });
    expect(await (await getSite(null)).json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    for (const as of ['User', 'ADMIN', ['admin'], ['admin', 'admin']]) {
      const response = await getSite(as);
      expect(response.status, JSON.stringify(as)).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const contextAs = async (query: string) => {
      const response = await fetch(`${server.url}/api/context${query}`);
      return response.ok ? ((await response.json()) as { accountId: string }).accountId : response.status;
    };
    expect(await contextAs('?as=admin')).toBe(DEMO_ACCOUNTS.admin.accountId);
    expect(await contextAs('')).toBe(DEMO_ACCOUNTS.user.accountId);
    expect(await contextAs('?as=admin&as=admin')).toBe(400);
    expect(await contextAs('?as=ADMIN')).toBe(400);
    expect(await contextAs('?as=User')).toBe(400);
  });

  it('refuses an `as` that is not one of the demo people, instead of guessing', async () => {
    for (const as of ['nobody', 'ADMIN', '', DEMO_ACCOUNTS.admin.accountId, 1, {}]) {
      const response = await invoke(JSON.stringify({ key: 'getMe', payload: {}, as }));
      expect(response.status, JSON.stringify(as)).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: { code: 'invalid-input', message: 'as: use admin or user (the two demo people).' } });
    }
    expect((await fetch(`${server.url}/api/context?as=root`)).status).toBe(400);
  });

  it('says the port is taken, as input to change, and lets go of its data folder', async () => {
    const port = Number(new URL(server.url).port);
    const otherDir = await mkdtemp(join(tmpdir(), 'scope-doctor-local-'));
    try {
      const attempt = startLocalServer({ port, dataDir: otherDir, staticDir, log: () => {} });
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(`port ${port} is already in use`);
      await (await startLocalServer({ dataDir: otherDir, staticDir, emulatorUrl: server.emulatorUrl, log: () => {} })).close();
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
