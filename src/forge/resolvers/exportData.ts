import { z } from 'zod';
import { exportPage } from '../export';
import { defineResolver } from './define';

/** One page per call: a whole site's export reads and weighs far more than one resolver call may (see exportPage). */
export const exportData = defineResolver(
  'exportData',
  'admin',
  z.object({ format: z.enum(['csv', 'json']), cursor: z.string().max(4000).optional() }),
  async ({ format, cursor }, context, deps) =>
    exportPage(deps.store, { url: context.siteUrl, cloudId: context.cloudId }, deps.clock.now(), { format, ...(cursor === undefined ? {} : { cursor }) }),
);
