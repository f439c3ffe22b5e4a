import { z } from 'zod';
import { lookupCloudId as lookup } from '../core';
import { defineResolver } from './define';

export const lookupCloudId = defineResolver(
  'lookupCloudId',
  'admin',
  z.object({ site: z.string().trim().min(1, 'enter a site such as acme.atlassian.net').max(300) }),
  async ({ site }, _context, deps) => lookup(deps.checkDeps, site),
);
