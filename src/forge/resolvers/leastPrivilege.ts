/**
 * The fewest scopes for the requests an integration really sends (a list, log lines or a HAR), and a custom
 * profile of them to edit and save. Reads the paste only; stores nothing.
 */
import { z } from 'zod';
import { leastPrivilegeFromText, profileFromTraffic } from '../core';
import { defineResolver } from './define';
import { MAX_EXPLAIN_TEXT } from './explainRequest';

export const leastPrivilege = defineResolver(
  'leastPrivilege',
  'admin',
  z.object({
    text: z
      .string()
      .trim()
      .min(1, 'paste endpoints (one per line), log lines or a HAR')
      .max(MAX_EXPLAIN_TEXT, `that is more than ${MAX_EXPLAIN_TEXT.toLocaleString('en')} characters: for a larger HAR use scope-doctor scopes for file.har`),
  }),
  async ({ text }, _context, deps) => {
    const now = deps.clock.now();
    const report = leastPrivilegeFromText(text, now);
    const usable = report.operations.some((op) => op.scopeSets.length > 0);
    const profile = usable
      ? profileFromTraffic(report, { id: 'observed-traffic', name: 'My integration (from traffic)', vendor: 'My vendor', tokenKind: 'oauth' }, now)
      : undefined;
    return { report, ...(profile ? { profileJson: JSON.stringify(profile, null, 2) } : {}) };
  },
);
