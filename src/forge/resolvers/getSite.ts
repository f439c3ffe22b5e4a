import type { SiteInfo } from '../api';
import { CLOUD_ID_HELP } from '../core';
import type { ResolverContext } from '../ports';
import { defineResolver } from './define';
import { noPayload } from './schemas';

export const getSite = defineResolver('getSite', 'admin', noPayload, async (_payload, context) => siteInfo(context));

export function siteInfo(context: ResolverContext): SiteInfo {
  const host = new URL(context.siteUrl).host;
  return {
    siteUrl: context.siteUrl,
    siteName: host.split('.')[0] ?? host,
    cloudId: context.cloudId,
    cloudIdHelp: CLOUD_ID_HELP,
  };
}
