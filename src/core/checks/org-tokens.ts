/**
 * The organization's API token inventory, read with an organization admin API key:
 * `GET {api}/admin/api-access/v1/orgs/{orgId}/api-tokens` → `{data:[…], links:{next}}`, every page, then each
 * token flagged: expired, expiring within 30, 7 or 1 days, or unused for 90 days and more. The key is used
 * for these requests only; nothing here keeps it.
 */
import { z } from 'zod';
import { evidenceOf, isInconclusive, send, type Outcome } from '../atlassian';
import { API_TOKENS_PAGE } from '../atlassian/pages';
import { InputError, makeReport, type CheckResult, type Report } from '../model';
import { systemClock } from '../ports';
import { requireSecret } from './input';
import type { CheckDeps } from '../ports';
import { pluralise } from '../text';

export const ADMIN_KEY_FIX = 'Create a key in Atlassian Administration → Settings → API keys (it shows the organization ID with it)';
const LABEL = 'GET /admin/api-access/v1/orgs/{orgId}/api-tokens';
const DAY_MS = 86_400_000;
/** A loop guard: far more tokens than any organization has, at the API's page sizes. */
const MAX_PAGES = 500;
const EXPIRY_TIERS = [1, 7, 30] as const;
const UNUSED_DAYS = 90;

export type TokenFlag = 'expired' | 'expires-1d' | 'expires-7d' | 'expires-30d' | 'unused-90d';

export interface InventoryToken {
  id: string;
  label: string;
  status?: string;
  createdAt?: string;
  expiresAt?: string;
  lastActiveAt?: string;
  user: { id?: string; name?: string; email?: string };
  /** Whole days to expiry; negative once expired. */
  daysToExpiry?: number;
  /** Whole days since it was last used (or, never used, since it was created). */
  daysIdle?: number;
  flags: TokenFlag[];
}

export interface TokenInventoryReport extends Report {
  orgId: string;
  tokens: InventoryToken[];
  pages: number;
}

const tokenSchema = z.object({
  id: z.string(),
  label: z.string().nullish(),
  status: z.string().nullish(),
  createdAt: z.string().nullish(),
  expiresAt: z.string().nullish(),
  lastActiveAt: z.string().nullish(),
  user: z.object({ id: z.string().nullish(), orgId: z.string().nullish(), name: z.string().nullish(), email: z.string().nullish() }).nullish(),
});
const pageSchema = z.object({
  data: z.array(tokenSchema),
  links: z.object({ next: z.string().nullish() }).nullish(),
});

/** Organization IDs are UUID-like; anything that could leave the path segment is refused. */
export function requireOrgId(value: string | undefined): string {
  const orgId = (value ?? '').trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{6,62}[A-Za-z0-9]$/.test(orgId)) {
    throw new InputError('Enter the organization ID (from admin.atlassian.com/o/{orgId}/…, or shown with the API key)', 'orgId');
  }
  return orgId;
}

interface OrgTokensInput {
  orgId: string;
  adminKey: string;
  /** Where a new key goes, for the fix of a refused one: the CLI's environment variable, or the admin page. */
  newKeyStep?: string;
}

/** Every page of the organization's API tokens, each flagged. Never throws for what Atlassian answers. */
export async function listOrgTokens(deps: CheckDeps, input: OrgTokensInput): Promise<TokenInventoryReport> {
  const orgId = requireOrgId(input.orgId);
  const adminKey = requireSecret(input.adminKey, 'adminKey', 'Organization API key');
  const now = (deps.clock ?? systemClock).now();
  const first = `${deps.hosts.api}/admin/api-access/v1/orgs/${encodeURIComponent(orgId)}/api-tokens`;
  const tokens: InventoryToken[] = [];
  const seen = new Set<string>();
  let url = first;
  let pages = 0;
  const finish = (results: CheckResult[]): TokenInventoryReport => ({ ...makeReport(`organization ${orgId}`, results, now), orgId, tokens, pages });

  for (;;) {
    if (seen.has(url) || pages >= MAX_PAGES) return finish([pagingResult(pages, 'links.next leads back to a page already read')]);
    seen.add(url);
    const outcome: Outcome = await send(deps, { method: 'GET', url, label: LABEL, auth: { bearer: adminKey } });
    if (outcome.kind !== 'ok') return finish([failureResult(outcome, pages, input.newKeyStep ?? 'set SCOPE_DOCTOR_ADMIN_KEY to it')]);
    const page = pageSchema.safeParse(outcome.body);
    if (!page.success)
      return finish([
        {
          id: 'tokens.list',
          title: 'API tokens',
          status: 'unknown',
          detail: `Page ${pages + 1} is not the documented {data, links} shape.`,
          evidence: evidenceOf(outcome),
        },
      ]);
    pages++;
    tokens.push(...page.data.data.map((token) => inventoryToken(token, now)));
    const next = page.data.links?.next?.trim();
    if (!next) return finish(inventoryResults(tokens, pages));
    const nextUrl = nextPageUrl(first, next);
    if (nextUrl === null) return finish([pagingResult(pages, 'links.next points outside this API, so it was not followed with the key')]);
    url = nextUrl;
  }
}

/**
 * Atlassian's organization APIs give `links.next` as a whole URL on some endpoints and as a cursor on
 * others. A URL is followed only when it is this same endpoint: the key is never sent anywhere else.
 */
export function nextPageUrl(first: string, next: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(next)) return `${first}?cursor=${encodeURIComponent(next)}`;
  return next === first || next.startsWith(`${first}?`) ? next : null;
}

function inventoryToken(token: z.infer<typeof tokenSchema>, now: Date): InventoryToken {
  const daysToExpiry = daysBetween(now, token.expiresAt);
  const lastUse = daysBetween(token.lastActiveAt ?? token.createdAt, now);
  const flags: TokenFlag[] = [];
  if (daysToExpiry !== undefined) {
    if (daysToExpiry < 0) flags.push('expired');
    else {
      const tier = EXPIRY_TIERS.find((days) => daysToExpiry <= days);
      if (tier) flags.push(`expires-${tier}d`);
    }
  }
  if (lastUse !== undefined && lastUse >= UNUSED_DAYS && !flags.includes('expired')) flags.push('unused-90d');
  return {
    id: token.id,
    label: token.label ?? '(no label)',
    ...(token.status ? { status: token.status } : {}),
    ...(token.createdAt ? { createdAt: token.createdAt } : {}),
    ...(token.expiresAt ? { expiresAt: token.expiresAt } : {}),
    ...(token.lastActiveAt ? { lastActiveAt: token.lastActiveAt } : {}),
    user: {
      ...(token.user?.id ? { id: token.user.id } : {}),
      ...(token.user?.name ? { name: token.user.name } : {}),
      ...(token.user?.email ? { email: token.user.email } : {}),
    },
    ...(daysToExpiry !== undefined ? { daysToExpiry } : {}),
    ...(lastUse !== undefined ? { daysIdle: lastUse } : {}),
    flags,
  };
}

/** Whole days from `from` to `to` (ISO times); undefined when either is missing or not a time. */
function daysBetween(from: Date | string | null | undefined, to: Date | string | null | undefined): number | undefined {
  const start = typeof from === 'string' ? Date.parse(from) : from?.getTime();
  const end = typeof to === 'string' ? Date.parse(to) : to?.getTime();
  if (start === undefined || end === undefined || Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.floor((end - start) / DAY_MS);
}

function inventoryResults(tokens: readonly InventoryToken[], pages: number): CheckResult[] {
  const people = new Set(tokens.map((t) => t.user.id ?? t.user.email ?? t.id)).size;
  const results: CheckResult[] = [
    {
      id: 'tokens.list',
      title: `${pluralise(tokens.length, 'API token')} of ${pluralise(people, 'person', 'people')}`,
      status: 'pass',
      detail: `Read in ${pluralise(pages, 'page')}. Atlassian lists no token's scopes: check a token itself with scope-doctor token.`,
      evidence: { tokens: tokens.length, pages },
    },
  ];
  const renew = `Its owner creates a new token (${API_TOKENS_PAGE}) and puts it in the integration before this one stops`;
  const flagged = (flag: TokenFlag) => tokens.filter((t) => t.flags.includes(flag));
  const expired = flagged('expired');
  if (expired.length) {
    results.push({
      id: 'tokens.expired',
      title: `${expired.length} expired`,
      status: 'warn',
      detail: expired.map((t) => `${describe(t)}: expired ${t.expiresAt?.slice(0, 10)}`).join('\n'),
      fix: 'Anything still using these now gets 401: its owner creates a new token and updates the integration; otherwise revoke them to tidy up.',
    });
  }
  for (const tier of EXPIRY_TIERS) {
    const soon = flagged(`expires-${tier}d`);
    if (!soon.length) continue;
    results.push({
      id: `tokens.expires-${tier}d`,
      title: `${soon.length} expire${soon.length === 1 ? 's' : ''} within ${pluralise(tier, 'day')}`,
      // A month ahead is notice; a week is a warning (Atlassian's own email comes a day before, to the owner only).
      status: tier === 30 ? 'info' : 'warn',
      detail: soon
        .map(
          (t) => `${describe(t)}: expires ${t.expiresAt?.slice(0, 10)} (${t.daysToExpiry ? `in ${pluralise(t.daysToExpiry, 'day')}` : 'in less than a day'})`,
        )
        .join('\n'),
      ...(tier === 30 ? {} : { fix: `${renew}.` }),
    });
  }
  const unused = flagged('unused-90d');
  if (unused.length) {
    results.push({
      id: 'tokens.unused',
      title: `${unused.length} unused for ${UNUSED_DAYS} days or more`,
      status: 'warn',
      detail: unused
        .map((t) => `${describe(t)}: ${t.lastActiveAt ? `last used ${t.lastActiveAt.slice(0, 10)}` : `never used since ${t.createdAt?.slice(0, 10)}`}`)
        .join('\n'),
      fix: 'Ask each owner whether anything still uses it; if not, revoke it (Atlassian Administration → Insights → API token activity).',
    });
  }
  return results;
}

function describe(token: InventoryToken): string {
  const owner = token.user.email ?? token.user.name ?? token.user.id ?? 'unknown owner';
  return `"${token.label}" (${owner})`;
}

/** A 401 is the key; anything else that is not a page says nothing certain about it. */
function failureResult(outcome: Exclude<Outcome, { kind: 'ok' }>, pages: number, newKeyStep: string): CheckResult {
  const base = { id: 'tokens.list', title: 'API tokens', evidence: evidenceOf(outcome) } satisfies Partial<CheckResult>;
  const after = pages ? ` after ${pluralise(pages, 'page')}` : '';
  if (outcome.status === 401) {
    return {
      ...base,
      title: 'The organization API key was refused',
      status: 'fail',
      detail: `Atlassian did not accept the key (401)${after}.`,
      fix: `${ADMIN_KEY_FIX}, and ${newKeyStep}.`,
    };
  }
  if (outcome.status === 403) {
    return {
      ...base,
      status: 'unknown',
      detail: `The key was refused for this organization (403)${after}.`,
      fix: 'Check the organization ID, and that the key is this organization’s (with read:tokens:admin, if it has scopes).',
    };
  }
  if (outcome.status === 404) {
    return {
      ...base,
      status: 'unknown',
      detail: `Nothing answers for this organization ID (404)${after}.`,
      fix: 'Check the organization ID: it is in admin.atlassian.com/o/{orgId}/… and shown with the API key.',
    };
  }
  const reason = isInconclusive(outcome) ? outcome.reason : `${outcome.request} answered ${outcome.status ?? 'nothing'}`;
  return {
    ...base,
    status: 'unknown',
    detail: `Could not read the tokens${after}: ${reason}.`,
    fix: outcome.kind === 'rate-limited' ? 'Try again in a minute.' : 'Try again later.',
  };
}

function pagingResult(pages: number, why: string): CheckResult {
  return { id: 'tokens.list', title: 'API tokens', status: 'unknown', detail: `Stopped after ${pluralise(pages, 'page')}: ${why}.` };
}
