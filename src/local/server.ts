/**
 * The local web page: serves the Custom UI build at /admin and /personal and stands in for the Forge
 * bridge with `GET /api/context` and `POST /api/invoke`, running the same resolvers over local adapters.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { emulatorHosts } from '../core/ports';
import { BodyTooLargeError, closerOf, listenOnLoopback, readBody } from '../net/loopback-server';
import { DEMO_ACCOUNTS, DEMO_SITE, type DemoRole } from '../emulator/demo';
import { ShiftedClock, startEmulator, type Emulator } from '../emulator';
import type { ResolverResponse } from '../forge/api';
import type { AppDeps, Log } from '../forge/ports';
import { invokeResolver } from '../forge/resolvers';
import { lockDataDir, type DataLock } from './adapters/data-lock';
import { DEFAULT_DATA_DIR, openFileStorage } from './adapters/file-store';
import { ADMIN_MODULE_KEY, demoContext, localDeps, PERSONAL_MODULE_KEY } from './deps';
import { seedDemoData } from './seed';

export interface LocalServerOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Where local storage lives (default `.scope-doctor`). */
  dataDir?: string;
  /** Use an emulator that is already running instead of starting one. */
  emulatorUrl?: string;
  /** The Vite build (default `static/build`). */
  staticDir?: string;
  /** Seed demo connections on first start (default true). */
  seed?: boolean;
  log?: Log;
}

export interface LocalServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  emulatorUrl: string;
  /** Present when this server started the emulator (it is closed with the server). */
  emulator?: Emulator;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Bytes, not characters: above every resolver's own limits once JSON-escaped, so those answer first. */
export const MAX_INVOKE_BYTES = 1024 * 1024;
/**
 * A body over MAX_INVOKE_BYTES is still read to its end, up to this, so the client sees the 413 and can use
 * the connection again; past it the 413 says `Connection: close` and the rest is discarded as it arrives.
 */
export const MAX_DRAIN_BYTES = 16 * 1024 * 1024;
const PAGES: Record<string, string> = { '/admin': ADMIN_MODULE_KEY, '/personal': PERSONAL_MODULE_KEY };
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** On every answer: the pages hold admin actions, so no other site may frame them (clickjacking). */
const SECURITY_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
} as const;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'invalid-input' | 'not-found' | 'internal' | 'forbidden',
    message: string,
    /** Answer with `Connection: close`: the rest of the request will not be read. */
    readonly close = false,
  ) {
    super(message);
  }
}

export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  // Before anything starts: a second server on the same folder is refused, not run beside the first.
  const lock = await lockDataDir(options.dataDir ?? DEFAULT_DATA_DIR);
  try {
    return await serve(options, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function serve(options: LocalServerOptions, lock: DataLock): Promise<LocalServer> {
  // One clock for the emulator this server starts and the app, so the demo history's days agree on both sides.
  const clock = new ShiftedClock();
  const emulator = options.emulatorUrl ? undefined : await startEmulator({ clock });
  const emulatorUrl = options.emulatorUrl ?? emulator!.url;
  const log = options.log ?? ((line: string) => console.error(line));
  const staticDir = resolve(options.staticDir ?? 'static/build');
  let deps: AppDeps;
  try {
    const storage = await openFileStorage(options.dataDir ?? DEFAULT_DATA_DIR);
    deps = localDeps({ ...storage, hosts: emulatorHosts(emulatorUrl), clock, log });
    if (options.seed ?? true) await seedDemoData(deps, emulator ? { emulator: emulator.state, clock } : undefined);
  } catch (error) {
    await emulator?.close();
    throw error;
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!(error instanceof HttpError)) log(`local server: ${error instanceof Error ? error.name : 'error'} on ${req.method} ${pathOf(req)}`);
      const failure = error instanceof HttpError ? error : new HttpError(500, 'internal', 'The local server hit an unexpected error.');
      if (res.headersSent) res.destroy();
      else sendJson(res, failure.status, envelope(failure.code, failure.message), failure.close ? { Connection: 'close' } : {});
    });
  });
  const closeServer = closerOf(server);
  server.on('clientError', (_error, socket) => socket.destroy());

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req);
    if (path.startsWith('/api/')) {
      checkLoopbackHost(req);
      if (path === '/api/context' && req.method === 'GET') return sendJson(res, 200, context(req));
      if (path === '/api/invoke' && req.method === 'POST') return sendJson(res, 200, await invoke(req));
      throw new HttpError(404, 'not-found', `No API at ${req.method} ${path}.`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'invalid-input', 'Only GET is served here.');
    if (path === '/') return redirect(res, '/admin?as=admin');
    const page = Object.keys(PAGES).find((p) => path === p || path.startsWith(`${p}/`));
    if (page) return sendIndex(res, staticDir);
    return sendStatic(res, staticDir, path);
  }

  async function invoke(req: IncomingMessage): Promise<ResolverResponse<unknown>> {
    const type = req.headers['content-type'] ?? '';
    // JSON only: a cross-site form post cannot send it without a preflight this server never approves.
    if (!type.startsWith('application/json')) throw new HttpError(415, 'invalid-input', 'Send the request as application/json.');
    const body = parseJson(await readBody(req, MAX_INVOKE_BYTES, MAX_DRAIN_BYTES).catch(tooLargeAsHttpError));
    if (typeof body !== 'object' || body === null) throw new HttpError(400, 'invalid-input', 'The body must be a JSON object.');
    const { key, payload, as } = body as Record<string, unknown>;
    if (typeof key !== 'string') throw new HttpError(400, 'invalid-input', 'key: name the resolver to call.');
    return invokeResolver(key, payload, demoContext(roleOf(as)), deps);
  }

  let url: string;
  try {
    url = `http://127.0.0.1:${await listenOnLoopback(server, options.port ?? 0, 'choose another with PORT=…')}`;
  } catch (error) {
    // Without the page, the emulator started for it has no one to serve.
    await emulator?.close();
    throw error;
  }

  return {
    url,
    emulatorUrl,
    ...(emulator ? { emulator } : {}),
    deps,
    async close() {
      await closeServer();
      await emulator?.close();
      await lock.release();
    },
  };
}

/** What `view.getContext()` gives the page in Forge, for the demo person chosen by `?as=`. */
function context(req: IncomingMessage) {
  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  const roles = query.getAll('as');
  // A repeated `as` is passed on as the list it is, so it is refused rather than read as its first value.
  const role = roleOf(roles.length > 1 ? roles : roles[0]);
  const account = DEMO_ACCOUNTS[role];
  return {
    moduleKey: pageModuleKey(query.get('page'), req.headers.referer),
    accountId: account.accountId,
    displayName: account.displayName,
    siteUrl: demoContext(role).siteUrl,
    cloudId: DEMO_SITE.cloudId,
    theme: { colorMode: query.get('theme') === 'dark' ? 'dark' : 'light' },
  };
}

/** `?page=personal`, else the page that asked (Referer), else the admin page. */
function pageModuleKey(page: string | null, referer: string | undefined): string {
  if (page === 'personal' || page === 'admin') return PAGES[`/${page}`]!;
  const from = referer ? safePath(referer) : '';
  return from.startsWith('/personal') ? PERSONAL_MODULE_KEY : ADMIN_MODULE_KEY;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/**
 * The demo admin only for exactly `admin`. No `as` is the regular user, the least a caller can be; anything
 * else (a near miss such as `ADMIN`, a list) is refused, never guessed.
 */
function roleOf(value: unknown): DemoRole {
  if (value === undefined) return 'user';
  if (value === 'admin' || value === 'user') return value;
  throw new HttpError(400, 'invalid-input', 'as: use admin or user (the two demo people).');
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://local').pathname;
}

/** Pages on other origins may resolve a name to 127.0.0.1 (DNS rebinding); the API answers loopback names only. */
function checkLoopbackHost(req: IncomingMessage): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new HttpError(403, 'forbidden', 'The local API answers only on 127.0.0.1 or localhost.');
  }
}

/** A body over the limits as the 413 the client sees. */
function tooLargeAsHttpError(error: unknown): never {
  if (error instanceof BodyTooLargeError) throw new HttpError(413, 'invalid-input', error.message, error.closeConnection);
  throw error;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-input', 'The request body is not valid JSON.');
  }
}

function envelope(code: HttpError['code'], message: string): ResolverResponse<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { ...SECURITY_HEADERS, Location: location });
  res.end();
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scope Doctor: UI not built</title></head>
<body><h1>The Scope Doctor page is not built yet</h1>
<p>Run <code>npm run build:ui</code> (or <code>npm start</code>, which builds it), then reload this page.</p></body></html>`;

async function sendIndex(res: ServerResponse, staticDir: string): Promise<void> {
  const html = await readFile(join(staticDir, 'index.html')).catch(() => undefined);
  if (!html) {
    res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(MISSING_BUILD_PAGE);
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-store' });
  res.end(html);
}

async function sendStatic(res: ServerResponse, staticDir: string, path: string): Promise<void> {
  const file = resolve(staticDir, `.${decodedPath(path)}`);
  // Only files inside the build folder: `..` in the path must not reach anything else.
  const inside = file.startsWith(`${staticDir}${sep}`);
  const info = inside ? await stat(file).catch(() => undefined) : undefined;
  if (!info?.isFile()) throw new HttpError(404, 'not-found', `Nothing at ${path}.`);
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(await readFile(file));
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new HttpError(400, 'invalid-input', 'The address is not valid.');
  }
}
