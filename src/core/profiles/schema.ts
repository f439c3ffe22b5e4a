/**
 * Profiles as a file format vendors can ship: the JSON Schema, generated from the same zod schema that reads
 * custom profiles (so the two cannot drift), and a built-in profile as such a file.
 */
import { z } from 'zod';
import { customProfileSchema } from './custom';
import type { Profile } from './types';

/** Where the exported files point their `$schema`, relative to `profiles/`. */
const PROFILE_SCHEMA_PATH = '../schema/profile.schema.json';

/** The JSON Schema (draft 2020-12) of a profile file, as it is read (defaults may be left out). */
export function profileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(customProfileSchema, {
    io: 'input',
    // zod writes its startsWith check as a `format` no validator knows; the pattern beside it says the same.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'starts_with') delete jsonSchema.format;
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Scope Doctor integration profile',
    description:
      'What a Jira Cloud integration needs: capabilities, each with the REST operations it calls and/or explicit scopes, and how sure the vendor is of each. This schema checks the structure; scope-doctor profiles validate also checks every scope and operation against Atlassian’s scope catalog.',
    ...rest,
  };
}

/** A profile as a file: `$schema` first, then every field a custom profile takes (never `source`). */
export function profileFile(profile: Profile): Record<string, unknown> {
  const { source: _source, ...fields } = profile;
  return { $schema: PROFILE_SCHEMA_PATH, ...fields };
}
