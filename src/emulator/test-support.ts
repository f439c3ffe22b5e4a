import type { Credentials, Exchange } from './http';

/** An Exchange as the server would build it, for calling route handlers directly in unit tests. */
export function exchangeOf(init: Partial<Exchange> & { path: string }): Exchange {
  return {
    method: 'GET',
    query: new URLSearchParams(),
    credentials: { kind: 'none' },
    contentType: 'application/json',
    body: '',
    ...init,
  };
}

export function basic(user: string, secret: string): Credentials {
  return { kind: 'basic', user, secret };
}

export function bearer(token: string): Credentials {
  return { kind: 'bearer', token };
}
