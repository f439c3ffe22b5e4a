import type { TokenReport } from '../../core/checks/types';
import type { TokenCheckSummary } from '../api';
import { tokenExpiry } from '../expiring';
import { keys } from '../storage/keys';
import { defineResolver } from './define';
import { noPayload } from './schemas';

export const getMyTokenStatus = defineResolver('getMyTokenStatus', 'self', noPayload, async (_payload, context, deps) => {
  const last = await deps.store.get<TokenCheckSummary>(keys.tokenCheck(context.accountId));
  const lastReport = await deps.store.get<TokenReport>(keys.tokenReport(context.accountId));
  const expiry = last ? tokenExpiry(last, deps.clock.now()) : undefined;
  return { ...(last ? { last } : {}), ...(lastReport ? { lastReport } : {}), ...(expiry ? { expiry } : {}) };
});
