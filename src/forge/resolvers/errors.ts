import type { ErrorCode } from '../api';

/** A refusal the caller should see as is: its message is one readable line with no secret in it. */
export class ResolverError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'invalid-input' | 'internal'>,
    message: string,
  ) {
    super(message);
    this.name = 'ResolverError';
  }
}

export const notFound = (message: string) => new ResolverError('not-found', message);
export const conflict = (message: string) => new ResolverError('conflict', message);
