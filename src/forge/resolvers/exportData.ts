import { z } from 'zod';
import { buildExport, collectExportData, exportFile } from '../export';
import { defineResolver } from './define';

export const exportData = defineResolver('exportData', 'admin', z.object({ format: z.enum(['csv', 'json']) }), async ({ format }, context, deps) => {
  const document = buildExport(await collectExportData(deps.store), { url: context.siteUrl, cloudId: context.cloudId }, deps.clock.now());
  return exportFile(format, document);
});
