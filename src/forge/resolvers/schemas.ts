import { z } from 'zod';

/** Payload of resolvers that take nothing: extra fields are ignored. */
export const noPayload = z.object({}).transform((): Record<string, never> => ({}));

export const connectionId = z.string().trim().min(1, 'a connection id is required').max(100);
