/** auth.atlassian.com's token endpoint, as recorded: how the client classifies each answer. */
import { describe, expect, it } from 'vitest';
import { replayRecorded } from '../support/recorded';

describe('token endpoint answers, as recorded', () => {
  it.each([
    ['token.bogus-code', 'bad-request', 'invalid_request'],
    ['token.bogus-code-older', 'forbidden', 'invalid_grant'],
    ['token.bad-client', 'invalid-credentials', 'access_denied'],
    ['token.refresh-expired', 'expired', 'invalid_grant'],
    ['token.refresh-unknown', 'expired', 'unauthorized_client'],
  ])('%s is read as %s (%s)', (name, kind, errorCode) => {
    const outcome = replayRecorded(name);
    expect(outcome.kind).toBe(kind);
    expect(outcome.kind !== 'ok' && outcome.errorCode).toBe(errorCode);
  });
});
