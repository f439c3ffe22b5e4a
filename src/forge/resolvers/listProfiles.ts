import { appProfiles, summarizeProfile } from '../profiles';
import { defineResolver } from './define';
import { noPayload } from './schemas';

/** Built-in and custom profiles this app can check (Data Center ones are for the CLI). */
export const listProfiles = defineResolver('listProfiles', 'self', noPayload, async (_payload, _context, deps) =>
  (await appProfiles(deps.store)).map(summarizeProfile),
);
