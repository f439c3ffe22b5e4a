/**
 * Writes schema/profile.schema.json (from the zod schema custom profiles are read with) and each built-in
 * profile as profiles/{id}.json. `npm run profile-schema`; a test fails when either is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { builtinProfiles, profileFile, profileJsonSchema } from '../src/core/profiles';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

mkdirSync('schema', { recursive: true });
writeFileSync('schema/profile.schema.json', json(profileJsonSchema()));
mkdirSync('profiles', { recursive: true });
for (const profile of builtinProfiles) writeFileSync(`profiles/${profile.id}.json`, json(profileFile(profile)));
console.log(`schema/profile.schema.json and ${builtinProfiles.length} files in profiles/`);
