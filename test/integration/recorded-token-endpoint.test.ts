/** auth.atlassian.com's token endpoint, as recorded: how the client classifies each answer. */
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../src/core/atlassian';
import { recorded } from '../../src/emulator/recorded';

function replay(name: string) {
  const { request, response } = recorded(name);
  const text = response.text ?? (response.json === undefined ? '' : JSON.stringify(response.json));
  const headers = new Map(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return classifyReply(`${request.method} ${request.path}`, { status: response.status, text, header: (n) => headers.get(n.toLowerCase()) ?? null }, 1, 0);
}

describe('token endpoint answers, as recorded', () => {
  it.each([
    ['token.bogus-code', 'bad-request', 'invalid_request'],
    ['token.bogus-code-older', 'forbidden', 'invalid_grant'],
  ])('%s is read as %s (%s)', (name, kind, errorCode) => {
    const outcome = replay(name);
    expect(outcome.kind).toBe(kind);
    expect(outcome.kind !== 'ok' && outcome.errorCode).toBe(errorCode);
  });
});
