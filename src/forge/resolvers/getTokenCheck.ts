import { z } from 'zod';
import type { TokenReport } from '../../core/checks/types';
import type { TokenCheckSummary } from '../api';
import { keys } from '../storage/keys';
import { defineResolver } from './define';
import { notFound } from './errors';

/** The report behind a Tokens-tab row. Reports hold what was learnt about a token, never the token itself. */
export const getTokenCheck = defineResolver(
  'getTokenCheck',
  'admin',
  z.object({ accountId: z.string().trim().min(1, 'an account id is required').max(128) }),
  async ({ accountId }, _context, deps) => {
    const summary = await deps.store.get<TokenCheckSummary>(keys.tokenCheck(accountId));
    if (!summary) throw notFound('This token check is gone: its owner may have removed it. Reload the list.');
    const report = await deps.store.get<TokenReport>(keys.tokenReport(accountId));
    return { summary, ...(report ? { report } : {}) };
  },
);
