import { evidenceOf, gatewayBaseUrl, getTenantInfo, isRecord, parseSite, type Outcome } from '../atlassian';
import { makeReport, type CheckResult } from '../model';
import { systemClock, type CheckDeps } from '../ports';
import type { CloudIdReport } from './types';

/** Where an admin reads the Cloud ID themselves. */
export const CLOUD_ID_HELP =
  'In admin.atlassian.com go to Apps → Atlassian apps → Jira → Manage app: the Cloud ID ends the page address ' +
  '(…/atlassian-apps/jira-software/{cloudId}). Anyone can also open https://your-site.atlassian.net/_edge/tenant_info.';

const CLOUD_ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CloudIdLookup = { cloudId: string; results: CheckResult[] } | { cloudId?: undefined; results: CheckResult[] };

/** Reads a site's Cloud ID from its public tenant_info. The site is validated before any request. */
export async function lookupCloudId(deps: CheckDeps, siteInput: string): Promise<CloudIdReport> {
  const site = parseSite(siteInput);
  const lookup = await resolveCloudId(deps, site);
  const report = makeReport(site, lookup.results, (deps.clock ?? systemClock).now());
  return { ...report, site, cloudId: lookup.cloudId };
}

/** The lookup as results, shared with the token check. `site` must already be validated. */
export async function resolveCloudId(deps: CheckDeps, site: string): Promise<CloudIdLookup> {
  const outcome = await getTenantInfo(deps, site);
  const cloudId = cloudIdOf(outcome);
  if (cloudId) {
    return {
      cloudId,
      results: [
        {
          id: 'cloud-id',
          title: `Cloud ID ${cloudId}`,
          status: 'pass',
          detail: `${site} has Cloud ID ${cloudId}.`,
          evidence: { ...evidenceOf(outcome), cloudId },
        },
        {
          id: 'cloud-id.gateway',
          title: `Gateway URL ${gatewayBaseUrl(cloudId)}`,
          status: 'pass',
          detail: 'Scoped API tokens and OAuth 2.0 apps reach this site only through this URL, not the site URL.',
        },
      ],
    };
  }
  return { results: [failedLookup(site, outcome)] };
}

function cloudIdOf(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'ok' || !isRecord(outcome.body)) return undefined;
  const { cloudId } = outcome.body;
  return typeof cloudId === 'string' && CLOUD_ID_SHAPE.test(cloudId) ? cloudId : undefined;
}

function failedLookup(site: string, outcome: Outcome): CheckResult {
  const base = { id: 'cloud-id', title: 'Cloud ID', evidence: evidenceOf(outcome) } satisfies Partial<CheckResult>;
  if (outcome.kind === 'not-found') {
    return {
      ...base,
      status: 'fail',
      detail: `No Jira Cloud site answers at ${site}.`,
      fix: `Check the site name (the part before .atlassian.net in your Jira address). ${CLOUD_ID_HELP}`,
    };
  }
  const reason = outcome.kind === 'ok' ? `${outcome.request} answered without a valid cloudId` : outcome.reason;
  return { ...base, status: 'unknown', detail: `Could not read the Cloud ID of ${site}: ${reason}.`, fix: CLOUD_ID_HELP };
}
