import { z } from 'zod';
import { utf8Length } from '../../core/text';

/** Payload of resolvers that take nothing: extra fields are ignored. */
export const noPayload = z.object({}).transform((): Record<string, never> => ({}));

export const connectionId = z.string().trim().min(1, 'a connection id is required').max(100);

/** For `.refine`: long text fields are limited in UTF-8 bytes, so every payload fits the local server's body limit. */
export const withinBytes = (limit: number) => (text: string) => utf8Length(text) <= limit;

/** A queued re-check's body, as src/forge/recheck.ts pushes it. */
export const recheckEventSchema = z.object({
  kind: z.enum(['token', 'connection']),
  id: z.string().min(1).max(200),
  limitKey: z.string().min(1).max(300),
  attempt: z.number().int().min(1),
});
