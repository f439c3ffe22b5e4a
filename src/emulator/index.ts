/**
 * The Atlassian emulator: auth.atlassian.com, api.atlassian.com and any number of `*.atlassian.net` sites,
 * served from one loopback origin (`/auth`, `/api`, `/site/{host}`), and a Jira Data Center server (`/dc`).
 * It reproduces the wire behaviour Scope Doctor reasons about (scope enforcement from the catalog, token
 * kinds, OAuth errors, refresh-token rotation) so every check runs locally and in tests with no Atlassian
 * account.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { emulatorHosts, systemClock, type AtlassianHosts, type Clock } from '../core/ports';
import { BodyTooLargeError, closerOf, listenOnLoopback, readBody } from '../net/loopback-server';
import { ConsentScript } from './consent';
import { FaultInjector, type FaultRule } from './faults';
import { authKindOf, parseAuthorization, type Reply } from './http';
import { recordedReply } from './recorded';
import { jiraPathOf, route, targetOf, type Target } from './routes';
import { seedDemoTenant } from './seed';
import { EmulatorState } from './state';

export { ConsentScript } from './consent';
export { FaultInjector, type FaultKind, type FaultRule } from './faults';
export { EmulatorState } from './state';
export type {
  EmulatedAccount,
  EmulatedApiToken,
  EmulatedDcLink,
  EmulatedDcToken,
  EmulatedDcUser,
  EmulatedOAuthApp,
  EmulatedSite,
  TokenEndpointMode,
} from './state';
export { DC_ERRORS } from './data-center';
export { FakeClock, ShiftedClock } from './fake-clock';
export { rotateDemoSecret } from './seed';
export * from './demo';

export interface RecordedRequest {
  /** ISO time from the emulator's clock. */
  at: string;
  method: string;
  host: 'auth' | 'api' | 'site' | 'dc';
  siteHost?: string;
  /** Path within the host, without the query. */
  path: string;
  /** Query parameters, with anything secret-looking replaced by `[redacted]`. */
  query: Record<string, string>;
  /** 0 when the emulator never answered (hang, reset). */
  status: number;
  operationId?: string;
  authKind: 'none' | 'basic' | 'bearer';
  /** A state-changing request succeeded: Scope Doctor must never cause this. */
  mutated: boolean;
}

export interface Emulator {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  hosts: AtlassianHosts;
  requests: RecordedRequest[];
  faults: FaultInjector;
  consent: ConsentScript;
  state: EmulatorState;
  close(): Promise<void>;
}

export interface EmulatorOptions {
  port?: number;
  clock?: Clock;
  /** Seed the demo tenant (default true). */
  seed?: boolean;
}

const MAX_BODY_BYTES = 1024 * 1024;
const SECRET_QUERY_KEYS = /secret|token|password|^code$/i;

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? systemClock;
  const state = new EmulatorState(clock);
  if (options.seed ?? true) seedDemoTenant(state);
  const faults = new FaultInjector();
  const consent = new ConsentScript();
  const requests: RecordedRequest[] = [];
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // The last line of defence: whatever went wrong, answer and keep serving.
      if (!res.headersSent) send(res, { status: 500, json: { errorMessages: ['Internal emulator error.'] } });
      else res.destroy();
    });
  });
  const close = closerOf(server);
  server.on('clientError', (_error, socket) => socket.destroy());

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const target = targetOf(url.pathname);
    const credentials = parseAuthorization(req.headers.authorization);
    const record: RecordedRequest = {
      at: clock.now().toISOString(),
      method,
      // A path outside the three prefixes is 404'd; it is filed under `site` with no siteHost.
      host: target?.host ?? 'site',
      ...(target?.siteHost ? { siteHost: target.siteHost } : {}),
      path: target?.path ?? url.pathname,
      query: redactQuery(url.searchParams),
      status: 0,
      authKind: authKindOf(credentials),
      mutated: false,
    };
    requests.push(record);

    if (faults.globalLatency > 0) await delay(faults.globalLatency);
    if (target) {
      const fault =
        faults.take({ host: target.host, method, paths: pathsOf(url.pathname, target) }) ?? faults.takeSiteLimit(siteOf(state, target), clock.now());
      if (fault?.kind === 'latency') await delay(fault.ms ?? 0);
      else if (fault?.kind === 'hang')
        return; // the socket stays open until close()
      else if (fault?.kind === 'reset') return void req.socket.destroy();
      else if (fault) return void finish(res, record, faultReply(fault, clock.now()));
    }

    let body = '';
    if (method !== 'GET' && method !== 'HEAD') {
      try {
        body = await readBody(req, MAX_BODY_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        return void finish(res, record, { status: 413, json: { errorMessages: ['The request body is too large.'] } });
      }
    }
    const reply: Reply = target
      ? route({ state, consent, baseUrl }, target, {
          method,
          path: target.path,
          query: url.searchParams,
          credentials,
          contentType: String(req.headers['content-type'] ?? ''),
          body,
        })
      : { status: 404, json: { errorMessages: ['Use /auth, /api, /site/{host} or /dc.'] } };
    finish(res, record, reply);
  }

  baseUrl = `http://127.0.0.1:${await listenOnLoopback(server, options.port ?? 0, 'choose another with --port')}`;

  return {
    url: baseUrl,
    hosts: emulatorHosts(baseUrl),
    requests,
    faults,
    consent,
    state,
    close,
  };
}

/** The site a request counts against for a per-site rate limit: the site's host, via the gateway too, else the host. */
function siteOf(state: EmulatorState, target: Target): string {
  if (target.siteHost) return target.siteHost;
  const cloudId = jiraPathOf(target)?.cloudId;
  return (cloudId && state.siteByCloudId(cloudId)?.host) || target.host;
}

function finish(res: ServerResponse, record: RecordedRequest, reply: Reply): void {
  record.status = reply.status;
  if (reply.operationId) record.operationId = reply.operationId;
  record.mutated = reply.mutated === true && reply.status >= 200 && reply.status < 300;
  send(res, reply);
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  // A recorded answer's own Content-Type (in whatever case it was recorded) wins over the default.
  const typed = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  const withType = (type: string) => {
    if (!typed) headers['Content-Type'] = type;
  };
  let payload = '';
  if (reply.raw !== undefined) {
    payload = reply.raw;
    withType('application/json');
  } else if (reply.html !== undefined) {
    payload = reply.html;
    headers['Content-Type'] = 'text/html; charset=utf-8';
  } else if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    withType('application/json;charset=UTF-8');
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function faultReply(fault: FaultRule, now: Date): Reply {
  switch (fault.kind) {
    case '429': {
      const retryAfter = fault.retryAfter ?? 1;
      return recordedReply('rate-limit.429', {
        'Retry-After': String(retryAfter),
        'X-RateLimit-Reset': rateLimitReset(now, retryAfter),
      });
    }
    case '503':
      return recordedReply('server.503-retry-after', { 'Retry-After': String(fault.retryAfter ?? 1) });
    case 'malformed':
      return { status: 200, raw: '{"values": [{"id": ' };
    default:
      return { status: 500, json: { errorMessages: ['Internal server error.'] } };
  }
}

/** Atlassian's format for X-RateLimit-Reset: request time plus Retry-After, as yyyy-MM-ddTHH:mmZ. */
function rateLimitReset(now: Date, retryAfterSeconds: number): string {
  return `${new Date(now.getTime() + retryAfterSeconds * 1000).toISOString().slice(0, 16)}Z`;
}

function pathsOf(urlPath: string, target: Target): string[] {
  const jira = jiraPathOf(target);
  return jira ? [urlPath, target.path, jira.path] : [urlPath, target.path];
}

function redactQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of params) query[name] = SECRET_QUERY_KEYS.test(name) ? '[redacted]' : value;
  return query;
}

/** Real time on purpose: injected latency slows the wire, whatever clock the token rules use. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
