/**
 * Explains a pasted failing request for this site: its Cloud ID is the one the URL must carry. Nothing is
 * sent anywhere and nothing is stored; credentials in the paste are read for their kind only.
 */
import { z } from 'zod';
import type { ExplainContext } from '../../core/explain';
import { scopeLintOptions } from '../../core/profiles';
import type { ExplainInput } from '../api';
import { explainText, parseScopeList } from '../core';
import type { AppDeps, ResolverContext } from '../ports';
import { findAppProfile } from '../profiles';
import { defineResolver } from './define';

/** A long log or a small HAR; a larger HAR is for the CLI, which reads files. */
export const MAX_EXPLAIN_TEXT = 200_000;

export const explainPayload = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'paste a URL, "METHOD URL", a curl command, a log line or a HAR')
    .max(MAX_EXPLAIN_TEXT, `that is more than ${MAX_EXPLAIN_TEXT.toLocaleString('en')} characters: for a larger HAR use scope-doctor explain - < file.har`),
  profileId: z.string().trim().min(1).max(64).optional(),
  scopes: z.string().max(20_000).optional(),
});

export async function explainForSite(input: ExplainInput, context: ResolverContext, deps: AppDeps) {
  const profile = input.profileId ? await findAppProfile(deps.store, input.profileId) : undefined;
  const scopes = input.scopes?.trim();
  const explainContext: ExplainContext = {
    site: { host: new URL(context.siteUrl).hostname, cloudId: context.cloudId },
    ...(profile ? { profile } : {}),
    ...(scopes ? { granted: { scopes: parseScopeList(scopes, scopeLintOptions(profile)).scopes, source: 'the scopes given' } } : {}),
  };
  return explainText(input.text, explainContext, deps.clock.now());
}

export const explainRequest = defineResolver('explainRequest', 'admin', explainPayload, explainForSite);
