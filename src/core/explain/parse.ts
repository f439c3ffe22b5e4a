/**
 * Reads what people paste when a request fails — a URL, `METHOD URL`, a curl command, log lines, a HAR
 * file — into observed requests. Credentials are reduced to their kind on the spot: nothing here keeps a
 * token, a password or a header value past the line it was read from.
 */
import { InputError } from '../model';
import { tokenizeShell } from './shell';

export type RequestSource = 'url' | 'method-url' | 'curl' | 'log' | 'har';
/** How the request authenticated, as far as the paste shows: the kind only, never the value. */
export type CredentialKind = 'basic' | 'bearer' | 'none' | 'other';

export interface ObservedRequest {
  source: RequestSource;
  /** 1-based line of the text, or entry of the HAR, the request was read from. */
  at: number;
  /** Upper case; absent when the paste does not say. */
  method?: string;
  /** `https://api.atlassian.com`; absent for a bare path. */
  origin?: string;
  /** Path without query or fragment, as sent. */
  path: string;
  hadQuery: boolean;
  /** Absent when the paste does not show how it authenticated. */
  credential?: CredentialKind;
  status?: number;
  failureCategory?: string;
  /** The reply's body, or the log text around the request: read for Atlassian's words, never shown. */
  replyText?: string;
}

export interface ParsedInput {
  requests: ObservedRequest[];
  /** HAR entries or lines with a URL that are not Jira REST calls (page loads, images, other products). */
  skipped: number;
}

export const MAX_EXPLAIN_CHARS = 5_000_000;
export const MAX_REQUESTS = 5_000;
/** Enough of a reply body to find Atlassian's message in; the rest is never read. */
const MAX_REPLY_TEXT = 4_000;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const METHOD_WORD = HTTP_METHODS.join('|');
const URL_PATTERN = /https?:\/\/[^\s"'<>`]+/gi;
const BARE_PATH = new RegExp(`\\b(${METHOD_WORD})\\s+(/[^\\s"'<>\`]+)`, 'i');
const METHOD_FIELD = new RegExp(`\\bmethod["']?\\s*[:=]\\s*["']?(${METHOD_WORD})\\b`, 'i');
const FAILURE_CATEGORY = /\b(FAILURE_CLIENT_[A-Z_]+)\b/;
const AUTH_HEADER = /\bauthorization["']?\s*[:=]\s*["']?(basic|bearer)\b/i;

/**
 * Every request in the text. A HAR (JSON with `log.entries`) is read entry by entry; curl commands span their
 * continuation lines; anything else is read line by line, a line without a URL adding what it says (status,
 * failure category, body) to the request before it.
 */
export function parseRequests(text: string): ParsedInput {
  if (text.length > MAX_EXPLAIN_CHARS) throw new InputError(`the input is too large (limit ${MAX_EXPLAIN_CHARS} characters)`);
  if (text.includes('\u0000')) throw new InputError('the input is binary, not text');
  const trimmed = text.trim();
  if (!trimmed) throw new InputError('nothing to read: paste a URL, a curl command, a log line or a HAR file');
  const parsed = trimmed.startsWith('{') ? parseJsonInput(trimmed) : parseText(trimmed);
  if (parsed.requests.length > MAX_REQUESTS) throw new InputError(`too many requests (limit ${MAX_REQUESTS})`);
  return parsed;
}

// ---- HAR ------------------------------------------------------------------------------------------------

interface HarHeader {
  name: string;
  value: string;
}

/** A HAR file, or else JSON log lines (one object per line) read as text. */
function parseJsonInput(text: string): ParsedInput {
  let value: unknown;
  let problem: string;
  try {
    value = JSON.parse(text);
    problem = 'the JSON is not a HAR file: it has no log.entries';
  } catch (error) {
    problem = `the input starts like JSON but is not valid JSON: ${(error as Error).message}`;
  }
  const entries = isRecord(value) && isRecord(value.log) && Array.isArray(value.log.entries) ? value.log.entries : undefined;
  if (entries) return parseHar(entries);
  const asText = parseText(text);
  if (asText.requests.length === 0) throw new InputError(problem);
  return asText;
}

function parseHar(entries: readonly unknown[]): ParsedInput {
  const requests: ObservedRequest[] = [];
  let skipped = 0;
  entries.forEach((entry: unknown, index) => {
    const request = isRecord(entry) && isRecord(entry.request) ? entry.request : undefined;
    const url = typeof request?.url === 'string' ? splitUrl(request.url) : undefined;
    if (!request || !url || !isJiraPath(url.path)) {
      skipped++;
      return;
    }
    const response = isRecord(entry) && isRecord(entry.response) ? entry.response : undefined;
    const requestHeaders = headersOf(request.headers);
    const responseHeaders = headersOf(response?.headers);
    // A HAR writes status 0 for a request that got no reply.
    const status = typeof response?.status === 'number' && response.status >= 100 ? response.status : undefined;
    const method = typeof request.method === 'string' ? request.method.toUpperCase() : undefined;
    const replyText = replyTextOf(response);
    const failureCategory = headerValue(responseHeaders, 'x-failure-category');
    requests.push({
      source: 'har',
      at: index + 1,
      ...(method ? { method } : {}),
      ...url,
      // A HAR lists every request header the browser sent, so no Authorization header means none was sent.
      credential: credentialOfHeader(headerValue(requestHeaders, 'authorization')) ?? (headerValue(requestHeaders, 'cookie') ? 'other' : 'none'),
      ...(status ? { status } : {}),
      ...(failureCategory ? { failureCategory } : {}),
      ...(replyText ? { replyText } : {}),
    });
  });
  return { requests, skipped };
}

function headersOf(value: unknown): HarHeader[] {
  if (!Array.isArray(value)) return [];
  return value.filter((h): h is HarHeader => isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string');
}

function headerValue(headers: readonly HarHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

function replyTextOf(response: Record<string, unknown> | undefined): string | undefined {
  const content = isRecord(response?.content) ? response.content : undefined;
  if (typeof content?.text !== 'string') return undefined;
  const raw = content.text.slice(0, MAX_REPLY_TEXT * 2);
  if (content.encoding !== 'base64') return raw.slice(0, MAX_REPLY_TEXT);
  try {
    return atob(raw.replace(/\s/g, '')).slice(0, MAX_REPLY_TEXT);
  } catch {
    return undefined;
  }
}

// ---- text: curl, URLs, log lines --------------------------------------------------------------------------

function parseText(text: string): ParsedInput {
  const lines = text.split(/\r\n|\r|\n/);
  const requests: ObservedRequest[] = [];
  /** Lines before the first request: a log that prints the status first still belongs to it. */
  let pending: string[] = [];
  let skipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(?:\$\s*)?curl\s/.test(line)) {
      // A curl command continues while a line ends with a backslash.
      let command = line;
      while (/\\\s*$/.test(lines[i] ?? '') && i + 1 < lines.length) command = `${command.replace(/\\\s*$/, ' ')}${lines[++i]}`;
      const request = parseCurl(command, i + 1);
      if (request) requests.push(withContext(request, pending));
      else skipped++;
      pending = [];
      continue;
    }
    const found = requestsInLine(line, i + 1);
    if (found.requests.length > 0) {
      requests.push(...found.requests.map((request) => withContext(request, pending)));
      pending = [];
    } else {
      skipped += found.skipped;
      const last = requests[requests.length - 1];
      if (last && found.skipped === 0) requests[requests.length - 1] = withContext(last, [line]);
      else if (found.skipped === 0) pending.push(line);
    }
  }
  return { requests, skipped };
}

/** The URLs (or `METHOD /rest/…` paths) on one line, each with what the rest of the line says. */
function requestsInLine(line: string, at: number): { requests: ObservedRequest[]; skipped: number } {
  const urls = [...line.matchAll(URL_PATTERN)].map((m) => ({ text: trimUrl(m[0]), index: m.index }));
  const requests: ObservedRequest[] = [];
  let skipped = 0;
  if (urls.length === 0) {
    // A list of endpoints may give only the path: `/rest/api/3/myself`.
    const lone = /^\s*[-*•]?\s*(\/rest\/[^\s"'<>`]+)\s*$/.exec(line)?.[1];
    const loneUrl = lone ? splitUrl(lone) : undefined;
    if (loneUrl) return { requests: [{ source: 'url', at, ...loneUrl }], skipped };
    const bare = BARE_PATH.exec(line);
    if (!bare || !isJiraPath(bare[2]!)) return { requests, skipped };
    const url = splitUrl(bare[2]!);
    if (!url) return { requests, skipped };
    const rest = line.replace(bare[0], ' ');
    const onlyTheRequest = rest.trim() === '';
    requests.push(withContext({ source: onlyTheRequest ? 'method-url' : 'log', at, method: bare[1]!.toUpperCase(), ...url }, onlyTheRequest ? [] : [rest]));
    return { requests, skipped };
  }
  for (const { text, index } of urls) {
    const url = splitUrl(text);
    if (!url || !isJiraPath(url.path)) {
      skipped++;
      continue;
    }
    const before = line.slice(0, index);
    // `GET https://…`, or a structured log's `"method":"GET"` anywhere on the line.
    const method = (new RegExp(`(?:^|[\\s"'\\[(])(${METHOD_WORD})["']?\\s*$`, 'i').exec(before) ?? METHOD_FIELD.exec(line))?.[1]?.toUpperCase();
    const rest = `${before.replace(new RegExp(`(${METHOD_WORD})["']?\\s*$`, 'i'), ' ')} ${line.slice(index + text.length)}`;
    const source: RequestSource = rest.trim() === '' ? (method ? 'method-url' : 'url') : 'log';
    const credential = url.userInfo ? 'basic' : undefined;
    const { userInfo: _dropped, ...location } = url;
    requests.push(
      withContext({ source, at, ...(method ? { method } : {}), ...location, ...(credential ? { credential } : {}) }, source === 'log' ? [rest] : []),
    );
  }
  return { requests, skipped };
}

/** Adds what context lines say (status, failure category, Authorization kind, body words) to a request. */
function withContext(request: ObservedRequest, lines: readonly string[]): ObservedRequest {
  if (lines.length === 0) return request;
  const text = lines.join('\n');
  const status = request.status ?? statusIn(text);
  const failureCategory = request.failureCategory ?? FAILURE_CATEGORY.exec(text)?.[1];
  const credential = request.credential ?? credentialOfHeader(AUTH_HEADER.exec(text)?.[1]);
  const replyText = `${request.replyText ?? ''}\n${text}`.trim().slice(0, MAX_REPLY_TEXT);
  return {
    ...request,
    ...(status ? { status } : {}),
    ...(failureCategory ? { failureCategory } : {}),
    ...(credential ? { credential } : {}),
    ...(replyText ? { replyText } : {}),
  };
}

const STATUS_WORDS =
  'continue|ok|created|accepted|no content|moved permanently|found|see other|not modified|bad request|unauthorized|forbidden|not found|method not allowed|conflict|gone|payload too large|unsupported media type|too many requests|internal server error|bad gateway|service unavailable|gateway timeout';
/** Statuses a bare number in a log line is taken for; anything else (a duration, a count) is not. */
const COMMON_STATUSES = new Set([200, 201, 204, 301, 302, 303, 304, 400, 401, 403, 404, 405, 409, 410, 413, 415, 429, 500, 502, 503, 504]);

/** The HTTP status a log line names, most explicit form first. */
export function statusIn(text: string): number | undefined {
  const patterns = [
    /\bHTTP\/[\d.]+"?\s+([1-5]\d\d)\b/i,
    /\b(?:status(?:[ _-]?code)?|statusCode|http[ _-]?status|code)["']?\s*[=:]\s*["']?([1-5]\d\d)\b/i,
    new RegExp(`\\b([1-5]\\d\\d)\\s*[-:]?\\s*(?:${STATUS_WORDS})\\b`, 'i'),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return Number(match[1]);
  }
  // A lone number that is no part of a date, a time, a duration or an id.
  for (const match of text.matchAll(/(?<![\w:.\-/])([1-5]\d\d)(?![\w:.\-/]|\s*(?:ms|s|sec|seconds|bytes|b|kb|items)\b)/gi)) {
    const status = Number(match[1]);
    if (COMMON_STATUSES.has(status)) return status;
  }
  return undefined;
}

// ---- curl -----------------------------------------------------------------------------------------------

/** curl options that take a value, so the value is not taken for the URL. */
const CURL_VALUE_OPTIONS = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-u',
  '--user',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
  '--data-ascii',
  '--json',
  '-o',
  '--output',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-c',
  '--cookie-jar',
  '-F',
  '--form',
  '--form-string',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-x',
  '--proxy',
  '-U',
  '--proxy-user',
  '-K',
  '--config',
  '-w',
  '--write-out',
  '--url',
  '--oauth2-bearer',
  '-T',
  '--upload-file',
  '--retry',
  '-r',
  '--range',
  '-E',
  '--cert',
  '--key',
  '--cacert',
  '--resolve',
  '--limit-rate',
  '--retry-max-time',
  '--retry-delay',
  '-D',
  '--dump-header',
]);
const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '--json', '-F', '--form', '--form-string']);

function parseCurl(command: string, at: number): ObservedRequest | undefined {
  const words = tokenizeShell(command.replace(/^\s*\$\s*/, ''));
  let method: string | undefined;
  let url: string | undefined;
  let credential: CredentialKind = 'none';
  let hasData = false;
  let head = false;
  let get = false;
  let upload = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const [name, attached] = splitOption(word);
    const takesValue = CURL_VALUE_OPTIONS.has(name);
    const value = takesValue ? (attached ?? words[++i]) : undefined;
    if (name === '-X' || name === '--request') method = value?.toUpperCase();
    else if (name === '-u' || name === '--user') credential = 'basic';
    else if (name === '--oauth2-bearer') credential = 'bearer';
    else if (name === '-H' || name === '--header') credential = credentialOfHeaderLine(value) ?? credential;
    else if (name === '-b' || name === '--cookie') credential = credential === 'none' ? 'other' : credential;
    else if (name === '--url') url = value;
    else if (name === '-T' || name === '--upload-file') upload = true;
    else if (DATA_OPTIONS.has(name)) hasData = true;
    else if (name === '-I' || name === '--head') head = true;
    else if (name === '-G' || name === '--get') get = true;
    else if (!word.startsWith('-') && url === undefined) url = word;
  }
  const parts = url ? splitUrl(/^[a-z]+:\/\//i.test(url) || url.startsWith('/') ? url : `https://${url}`) : undefined;
  if (!parts || !isJiraPath(parts.path)) return undefined;
  // curl's own defaults: -d makes a POST, -T a PUT, -I a HEAD, -G a GET whatever the data.
  const inferred = head ? 'HEAD' : get ? 'GET' : upload ? 'PUT' : hasData ? 'POST' : 'GET';
  const { userInfo, ...location } = parts;
  return { source: 'curl', at, method: method ?? inferred, ...location, credential: userInfo ? 'basic' : credential };
}

/** `-XPOST`, `--request=POST`: the option and its attached value. */
function splitOption(word: string): [string, string | undefined] {
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    return eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
  }
  if (/^-[A-Za-z]./.test(word) && CURL_VALUE_OPTIONS.has(word.slice(0, 2))) return [word.slice(0, 2), word.slice(2)];
  return [word, undefined];
}

function credentialOfHeaderLine(header: string | undefined): CredentialKind | undefined {
  const match = /^\s*(authorization|cookie)\s*:\s*(\S*)/i.exec(header ?? '');
  if (!match) return undefined;
  if (match[1]!.toLowerCase() === 'cookie') return 'other';
  return credentialOfHeader(match[2]) ?? 'other';
}

function credentialOfHeader(value: string | undefined): CredentialKind | undefined {
  if (value === undefined) return undefined;
  const scheme = value.trim().split(/\s+/)[0]?.toLowerCase();
  if (scheme === 'basic') return 'basic';
  if (scheme === 'bearer') return 'bearer';
  return value.trim() ? 'other' : undefined;
}

// ---- URLs -----------------------------------------------------------------------------------------------

interface UrlParts {
  origin?: string;
  path: string;
  hadQuery: boolean;
  /** The URL carried `user:password@`: counted as Basic credentials, never kept. */
  userInfo?: true;
}

/** Splits a URL or a bare path; undefined when it is neither. Userinfo, query and fragment are dropped. */
export function splitUrl(text: string): UrlParts | undefined {
  if (text.startsWith('/')) {
    const path = text.split(/[?#]/)[0]!;
    return { path, hadQuery: text.includes('?') };
  }
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return {
    origin: url.origin,
    path: url.pathname,
    hadQuery: url.search.length > 1,
    ...(url.username || url.password ? { userInfo: true as const } : {}),
  };
}

/** A Jira REST call, on a site, through the gateway, or as a bare path. */
function isJiraPath(path: string): boolean {
  return /\/rest\//.test(path);
}

/** Punctuation that ends a sentence or a quote is not part of the URL. */
function trimUrl(url: string): string {
  return url.replace(/[),.;:\]}]+$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
