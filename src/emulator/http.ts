/** What a route answers; the server turns it into bytes and records it. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  html?: string;
  /** Raw body, sent as is (used for deliberately broken JSON). */
  raw?: string;
  /** The request changed state (Scope Doctor must never cause this). */
  mutated?: boolean;
  operationId?: string;
}

/** One incoming request, already parsed, as the host handlers see it. */
export interface Exchange {
  method: string;
  /** Path within the host, without the query: `/oauth/token`, `/ex/jira/{cloudId}/rest/…`, `/rest/…`. */
  path: string;
  query: URLSearchParams;
  credentials: Credentials;
  contentType: string;
  body: string;
}

export type Credentials =
  | { kind: 'none' }
  | { kind: 'basic'; user: string; secret: string }
  | { kind: 'bearer'; token: string }
  /** A header we could not read: never authenticates. */
  | { kind: 'malformed'; scheme: 'basic' | 'bearer' | 'other' };

export function parseAuthorization(header: string | undefined): Credentials {
  if (!header) return { kind: 'none' };
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  switch (scheme.toLowerCase()) {
    case 'basic': {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (!value || colon < 0) return { kind: 'malformed', scheme: 'basic' };
      return { kind: 'basic', user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
    }
    case 'bearer':
      return value ? { kind: 'bearer', token: value } : { kind: 'malformed', scheme: 'bearer' };
    default:
      return { kind: 'malformed', scheme: 'other' };
  }
}

export function authKindOf(credentials: Credentials): 'none' | 'basic' | 'bearer' {
  if (credentials.kind === 'basic' || credentials.kind === 'bearer') return credentials.kind;
  if (credentials.kind === 'malformed' && credentials.scheme !== 'other') return credentials.scheme;
  return 'none';
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false };

/** JSON, or form-encoded for endpoints that take both (the token endpoint does, like Atlassian's). */
export function parseBody(exchange: Pick<Exchange, 'body' | 'contentType'>): ParsedBody {
  if (exchange.body.trim() === '') return { ok: true, value: {} };
  if (exchange.contentType.includes('application/x-www-form-urlencoded')) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(exchange.body)) };
  }
  try {
    return { ok: true, value: JSON.parse(exchange.body) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
