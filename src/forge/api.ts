/**
 * The contract between the Custom UI (static/) and the resolvers (src/forge/resolvers), shared by Forge and
 * local mode. Type-only: the UI imports it with `import type`.
 */
import type { ChangeRecord, HistoryPoint } from '../core/history';
import type { CloudIdReport, OAuthClientReport, ConsentReport, ConsentStart, TokenKindDetected, TokenReport } from '../core/checks/types';

import type { InventoryToken, TokenInventoryReport } from '../core/checks/org-tokens';
import type { Expiry, ExpiringItem } from '../core/expiry';
import type { WebhookKind } from '../core/expiry/webhook';
import type { ExplainReport } from '../core/explain';
import type { LeastPrivilegeReport } from '../core/least-privilege';
import type { Status } from '../core/model';
import type { TokenKind } from '../core/profiles/types';

export type ErrorCode = 'forbidden' | 'invalid-input' | 'not-found' | 'conflict' | 'internal';

/** Every resolver answers with this envelope; `message` is one readable line, never a stack or a secret. */
export type ResolverResponse<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; field?: string } };

export interface SiteInfo {
  siteUrl: string;
  siteName: string;
  cloudId: string;
  /** Where an admin finds the Cloud ID themselves in Atlassian Administration. */
  cloudIdHelp: string;
}

export interface Me {
  accountId: string;
  displayName: string;
  isAdmin: boolean;
  /** The person's email when the host shares it; prefills the personal token check. */
  email?: string;
}

export interface ProfileSummary {
  id: string;
  name: string;
  vendor: string;
  tokenKind: TokenKind;
  summary: string;
  needsOfflineAccess: boolean;
  callbackUrls: string[];
  /** A per-customer callback URL's shape, e.g. `https://{your-kendis}.kendis.io/…`. */
  callbackPattern?: string;
  vendorScopes: string[];
  capabilities: { name: string; description?: string }[];
  source: 'builtin' | 'custom';
}

/** What the UI sees of a stored secret: never its value. */
export interface SecretHint {
  set: boolean;
  /** Last four characters, e.g. `…1a2b`, only when set. */
  endsWith?: string;
}

export interface ConnectionInput {
  name: string;
  profileId: string;
  clientId: string;
  callbackUrl: string;
  /** Scopes as pasted: strings, console titles, any separators. */
  scopes: string;
  /** Only sent when the admin types a new one; omitted means "keep the stored secret". */
  clientSecret?: string;
}

/** One check or consent test in a connection's history; `check` marks a client check, whose points are compared. */
export interface VerdictPoint extends HistoryPoint {
  check?: true;
}

export interface ConnectionView extends Omit<ConnectionInput, 'clientSecret'> {
  id: string;
  /** Increments on every save; a save with a stale version is refused with `conflict`. */
  version: number;
  updatedAt: string;
  updatedBy: string;
  clientSecret: SecretHint;
  lastReport?: OAuthClientReport;
  lastConsent?: ConsentReport;
  /** Newest first, at most 20. */
  history: VerdictPoint[];
  /** What changed between client checks, newest first. */
  changes: ChangeRecord[];
}

/** One check's verdict and when, all a verdict strip needs. */
export type VerdictAt = Pick<HistoryPoint, 'checkedAt' | 'verdict'>;

export interface TokenCheckSummary {
  accountId: string;
  displayName: string;
  profileId: string;
  kind: TokenKindDetected;
  verdict: Status;
  /** Why the verdict is not a pass, in one line (absent in summaries stored before it was kept). */
  reason?: string;
  /** The email the token was checked with, which is its Atlassian account's (absent in older summaries). */
  email?: string;
  missing: string[];
  expiresOn?: string;
  checkedAt: string;
  /** The user opted in to periodic re-checks (their token is kept as a Forge secret). */
  recheck: boolean;
  /** What changed at the newest check that changed anything. */
  latestChange?: ChangeRecord;
  /** The last checks' verdicts, newest first, at most 20 (absent in summaries stored before they were kept). */
  recentVerdicts?: VerdictAt[];
}

export interface ScopeExplanation {
  scope: string;
  kind: 'classic' | 'granular';
  product: string;
  label: string | null;
  consoleTitles: string[];
  operations: { method: string; path: string; deprecated: boolean }[];
}

export interface EndpointExplanation {
  method: string;
  path: string;
  operationId: string;
  scopeSets: { kind: 'classic' | 'granular'; scopes: string[] }[];
}

export interface ExploreResult {
  scopes: ScopeExplanation[];
  endpoints: EndpointExplanation[];
  /** When nothing matched: the scope string or console title the query looks like a typo of. */
  didYouMean?: string;
}

/** What was pasted to explain: a URL, "METHOD URL", curl, log lines or a HAR; optionally what the credentials hold. */
export interface ExplainInput {
  text: string;
  /** The integration's profile: its guide's scopes stand in for a grant when `scopes` is not given. */
  profileId?: string;
  /** The scopes the token or app holds, as pasted. */
  scopes?: string;
}

export interface LeastPrivilegeView {
  report: LeastPrivilegeReport;
  /** A custom profile of exactly the observed operations, ready to edit and save; absent when none has a scope. */
  profileJson?: string;
}

/** The admin page's re-check status line. */
export interface RecheckStatus {
  /** When the trigger (or "Re-check all now") last queued re-checks. */
  lastRun?: string;
  /** Due at that run. */
  due: number;
  /** Queued today and not checked yet. */
  queued: number;
  checkedToday: number;
  /** Re-checks that raised an error today (a verdict of `fail` is a check done, not a failure). */
  failedToday: number;
}

/** The organization token inventory's settings: the org ID is config; the admin key shows only as a hint. */
export interface OrgInventorySettings {
  orgId?: string;
  /** The organization admin API key, stored only when an admin opted in. */
  adminKey: SecretHint;
  /** Who last saved these settings, and when. */
  savedBy?: string;
  savedAt?: string;
}

export interface OrgInventorySettingsInput {
  orgId: string;
  /** A new key to store; only with `storeKey`. Omitted with `storeKey` keeps the stored one. */
  adminKey?: string;
  /** The admin's opt-in: false removes any stored key. */
  storeKey: boolean;
}

/** One token of the inventory, with its owner's last check on the personal page when there is one. */
export interface OrgTokenRow {
  token: InventoryToken;
  lastCheck?: TokenCheckSummary;
  /** How the check was matched to the token's owner: their accountId, or (failing that) their email. */
  matchedBy?: 'accountId' | 'email';
}

export interface OrgInventoryView {
  report: TokenInventoryReport;
  rows: OrgTokenRow[];
  /**
   * People who checked a token on the personal page but own no token in the inventory (their token may be an
   * unmanaged account's). Absent when the inventory was not read whole, so nobody can be said to be missing.
   */
  checkedNotInInventory?: TokenCheckSummary[];
  /** Which key this run used: the one pasted for this run only, or the stored one. */
  keyUsed: 'pasted' | 'stored';
}

/** Where the expiry reminders go: a chat incoming webhook, shown only as "set · ends in …". */
export interface ReminderSettings {
  webhook: SecretHint;
  /** The chat app the webhook is for, when one is set. */
  kind?: WebhookKind;
  updatedAt?: string;
  updatedBy?: string;
}

export type ExportFormat = 'csv' | 'json';

/** An export, ready to save as a file: never a secret in it (a client secret is only "set" or "not set"). */
export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** One page of an export: the pages' contents joined in order are the file. */
export interface ExportPage extends ExportFile {
  /** Token checks in this page, for the progress the page shows. */
  tokenChecks: number;
  /** Present when more pages follow: pass it back, as it is, for the next one. */
  cursor?: string;
}

/** Resolver name → [payload, response data]. */
export interface ResolverApi {
  // Anyone with access to the page
  getMe: [Record<string, never>, Me];
  listProfiles: [Record<string, never>, ProfileSummary[]];
  checkMyToken: [{ email: string; token: string; profileId: string; expiresOn?: string; recheck: boolean }, TokenReport];
  /** `expiry`: how close the expiry date the person entered is, today. */
  getMyTokenStatus: [Record<string, never>, { last?: TokenCheckSummary; lastReport?: TokenReport; expiry?: Expiry }];
  forgetMyToken: [Record<string, never>, { forgotten: boolean }];
  /** "Why did this fail?" on the personal page: the same explanation, for anyone's own request. */
  explainMyRequest: [ExplainInput, ExplainReport];
  // Jira administrators only (re-checked server-side on every call)
  getSite: [Record<string, never>, SiteInfo];
  lookupCloudId: [{ site: string }, CloudIdReport];
  listConnections: [Record<string, never>, ConnectionView[]];
  saveConnection: [{ id?: string; version?: number; connection: ConnectionInput }, ConnectionView];
  deleteConnection: [{ id: string }, { deleted: true }];
  checkConnection: [{ id: string }, ConnectionView];
  startConsent: [{ id: string }, ConsentStart];
  finishConsent: [{ id: string; state: string; redirectedUrl: string }, ConnectionView];
  listTokenChecks: [Record<string, never>, TokenCheckSummary[]];
  /** One person's last token check with its full report, for the Tokens tab's drill-down. */
  getTokenCheck: [{ accountId: string }, { summary: TokenCheckSummary; report?: TokenReport }];
  explore: [{ query: string }, ExploreResult];
  explainRequest: [ExplainInput, ExplainReport];
  leastPrivilege: [{ text: string }, LeastPrivilegeView];
  /** A custom profile as JSON text; saving an existing custom id replaces that profile. */
  saveProfile: [{ profile: string }, ProfileSummary];
  deleteProfile: [{ id: string }, { deleted: true }];
  getRecheckStatus: [Record<string, never>, RecheckStatus];
  /** Queues every opted-in token and connection not yet checked today, however recently it was checked. */
  recheckAllNow: [Record<string, never>, RecheckStatus];
  getOrgInventorySettings: [Record<string, never>, OrgInventorySettings];
  saveOrgInventorySettings: [OrgInventorySettingsInput, OrgInventorySettings];
  /** Deletes the stored organization admin key (the org ID stays). */
  forgetOrgKey: [Record<string, never>, OrgInventorySettings & { forgotten: boolean }];
  /** Reads the inventory with the key given (used for this call only) or, when none is, the stored one. */
  runOrgInventory: [{ orgId?: string; adminKey?: string }, OrgInventoryView];
  /** What expires when: people's tokens with an expiry date, connections' refresh-token windows; soonest first. */
  listExpiring: [Record<string, never>, ExpiringItem[]];
  getReminderSettings: [Record<string, never>, ReminderSettings];
  /** Sets the chat webhook the reminders post to (Slack or Teams hosts only); an empty URL removes it. */
  saveReminderSettings: [{ webhookUrl: string }, ReminderSettings];
  /** Connections, token checks, their scopes, coverage, history and changes, as CSV or JSON. */
  exportData: [{ format: ExportFormat; cursor?: string }, ExportPage];
}

export type ResolverName = keyof ResolverApi;
export type PayloadOf<K extends ResolverName> = ResolverApi[K][0];
export type DataOf<K extends ResolverName> = ResolverApi[K][1];
