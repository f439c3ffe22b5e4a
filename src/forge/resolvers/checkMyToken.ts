import { z } from 'zod';
import { requireTokenExpiry } from '../../core/expiry';
import { runTokenCheck } from '../tokens';
import { defineResolver } from './define';

export const checkMyToken = defineResolver(
  'checkMyToken',
  'self',
  z.object({
    email: z.email('enter the email address of your Atlassian account').max(320),
    token: z.string().trim().min(1, 'paste your API token').max(1000),
    profileId: z.string().trim().min(1, 'pick a profile').max(100),
    expiresOn: z.iso.date('use the form YYYY-MM-DD').optional(),
    recheck: z.boolean(),
  }),
  // Always the caller's own token: the account comes from the context, never from the payload.
  async (input, context, deps) =>
    runTokenCheck(
      {
        ...input,
        ...(input.expiresOn ? { expiresOn: requireTokenExpiry(input.expiresOn, deps.clock.now()) } : {}),
        accountId: context.accountId,
        displayName: (await deps.directory.person(context.accountId)).displayName,
        site: context.siteUrl,
        cloudId: context.cloudId,
      },
      deps,
    ),
);
