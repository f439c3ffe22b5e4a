/**
 * Atlassian's answers as recorded from public sources (test/fixtures/atlassian/*.json). The emulator replies
 * with these files rather than with text of its own, so it follows Atlassian, not the product's assumptions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Reply } from './http';

export const RECORDED_DIR = new URL('../../test/fixtures/atlassian/', import.meta.url);

const recordedSchema = z
  .object({
    fact: z.string().min(1),
    source: z.string().url(),
    sourceNote: z.string().optional(),
    request: z.object({
      host: z.enum(['auth', 'api', 'site']),
      method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
      path: z.string().startsWith('/'),
    }),
    response: z
      .object({
        status: z.number().int().min(100).max(599),
        headers: z.record(z.string(), z.string()).default({}),
        json: z.unknown().optional(),
        text: z.string().optional(),
      })
      .refine((r) => !(r.json !== undefined && r.text !== undefined), 'a response has a json or a text body, not both'),
  })
  .strict();

export type RecordedExchange = z.infer<typeof recordedSchema> & { name: string };

let cache: Map<string, RecordedExchange> | undefined;

/** Every recorded exchange by file name without `.json`; a malformed file is a load error, not a silent skip. */
export function allRecorded(): ReadonlyMap<string, RecordedExchange> {
  if (cache) return cache;
  const loaded = new Map<string, RecordedExchange>();
  for (const file of readdirSync(RECORDED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const name = file.slice(0, -'.json'.length);
    const parsed = recordedSchema.safeParse(JSON.parse(readFileSync(new URL(file, RECORDED_DIR), 'utf8')));
    if (!parsed.success) throw new Error(`test/fixtures/atlassian/${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    loaded.set(name, { ...parsed.data, name });
  }
  cache = loaded;
  return loaded;
}

export function recorded(name: string): RecordedExchange {
  const found = allRecorded().get(name);
  if (!found) throw new Error(`No recorded Atlassian response named ${name} in test/fixtures/atlassian`);
  return found;
}

/** The emulator's reply for a recorded exchange: the recorded status, headers and body. */
export function recordedReply(name: string, extraHeaders: Record<string, string> = {}): Reply {
  const { response } = recorded(name);
  const headers = { ...response.headers, ...extraHeaders };
  if (response.text !== undefined) return { status: response.status, headers, raw: response.text };
  if (response.json !== undefined) return { status: response.status, headers, json: response.json };
  return { status: response.status, headers };
}
