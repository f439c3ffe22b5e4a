import { describe, expect, it } from 'vitest';
import { authKindOf, parseAuthorization, parseBody } from './http';

const basicHeader = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseAuthorization', () => {
  it('reads Basic email:token (a token may contain colons) and Bearer', () => {
    expect(parseAuthorization(basicHeader('ana@acme.example:demo:token'))).toEqual({ kind: 'basic', user: 'ana@acme.example', secret: 'demo:token' });
    expect(parseAuthorization('Bearer demo-access-1')).toEqual({ kind: 'bearer', token: 'demo-access-1' });
    expect(parseAuthorization(undefined)).toEqual({ kind: 'none' });
  });

  it('keeps unreadable headers apart, still recording their kind', () => {
    expect(authKindOf(parseAuthorization(basicHeader('no-colon')))).toBe('basic');
    expect(authKindOf(parseAuthorization('Bearer'))).toBe('bearer');
    expect(parseAuthorization('Digest x')).toEqual({ kind: 'malformed', scheme: 'other' });
    expect(authKindOf(parseAuthorization('Digest x'))).toBe('none');
  });
});

describe('parseBody', () => {
  it('parses JSON and form bodies, treats empty as {}, flags broken JSON', () => {
    expect(parseBody({ body: '{"a":1}', contentType: 'application/json' })).toEqual({ ok: true, value: { a: 1 } });
    expect(parseBody({ body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' })).toEqual({ ok: true, value: { a: '1', b: '2' } });
    expect(parseBody({ body: '  ', contentType: 'application/json' })).toEqual({ ok: true, value: {} });
    expect(parseBody({ body: '{', contentType: 'application/json' })).toEqual({ ok: false });
  });
});
