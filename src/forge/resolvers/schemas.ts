import { z } from 'zod';
import { utf8Length } from '../../core/text';

/** Payload of resolvers that take nothing: extra fields are ignored. */
export const noPayload = z.object({}).transform((): Record<string, never> => ({}));

export const connectionId = z.string().trim().min(1, 'a connection id is required').max(100);

/** For `.refine`: long text fields are limited in UTF-8 bytes, so every payload fits the local server's body limit. */
export const withinBytes = (limit: number) => (text: string) => utf8Length(text) <= limit;
