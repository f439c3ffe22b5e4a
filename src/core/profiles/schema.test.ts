import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { builtinProfiles, parseCustomProfile, profileFile, profileJsonSchema } from './index';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('the profile JSON Schema', () => {
  it('is current: schema/profile.schema.json is what the zod schema generates (npm run profile-schema)', () => {
    expect(read('schema/profile.schema.json')).toBe(json(profileJsonSchema()));
  });

  it('compiles as draft 2020-12 in strict mode and refuses what the product refuses', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(profileJsonSchema());
    const good = { id: 'acme-sync', name: 'Acme', vendor: 'Acme', tokenKind: 'oauth', capabilities: [{ name: 'Read', scopes: ['read:jira-work'] }] };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, tokenKind: 'password' })).toBe(false);
    expect(validate({ ...good, id: 'Not Kebab' })).toBe(false);
    expect(validate({ ...good, capabilities: [] })).toBe(false);
    expect(validate({ ...good, capabilities: [{ name: 'Read', operations: [{ method: 'GET', path: '/api/nope' }] }] })).toBe(false);
  });
});

describe('the built-in profiles as files', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(profileJsonSchema());

  it('are current and one per built-in profile (npm run profile-schema)', () => {
    expect(readdirSync(new URL('profiles/', root)).sort()).toEqual(builtinProfiles.map((p) => `${p.id}.json`).sort());
    for (const profile of builtinProfiles) expect(read(`profiles/${profile.id}.json`), profile.id).toBe(json(profileFile(profile)));
  });

  it.each(builtinProfiles.map((p) => [p.id]))('%s passes the JSON Schema and reads back as the same profile', (id) => {
    const text = read(`profiles/${id}.json`);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const builtin = builtinProfiles.find((p) => p.id === id)!;
    expect(parseCustomProfile(text)).toEqual({ ...builtin, source: 'custom' });
  });
});
