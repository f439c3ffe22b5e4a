import type { TokenCheckSummary } from '../api';
import { collect } from '../storage/collect';
import { keys } from '../storage/keys';
import { defineResolver } from './define';
import { noPayload } from './schemas';

export const listTokenChecks = defineResolver('listTokenChecks', 'admin', noPayload, async (_payload, _context, deps) => {
  const summaries = await collect<TokenCheckSummary>(deps.store, keys.tokenCheckPrefix);
  // Newest first: the admin looks for recent failures.
  return summaries.sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
});
