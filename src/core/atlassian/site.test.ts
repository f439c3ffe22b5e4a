import { describe, expect, it } from 'vitest';
import { InputError } from '../model';
import { parseSite } from './site';

describe('parseSite', () => {
  it.each([
    ['acme', 'acme.atlassian.net'],
    ['ACME.atlassian.net', 'acme.atlassian.net'],
    ['https://acme.atlassian.net/jira/software/projects', 'acme.atlassian.net'],
    ['  acme.atlassian.net/  ', 'acme.atlassian.net'],
    ['legacy.jira.com', 'legacy.jira.com'],
  ])('accepts %s', (input, host) => {
    expect(parseSite(input)).toBe(host);
  });

  it.each([
    '',
    '10.0.0.1',
    'evil.example.com',
    'acme.atlassian.net.evil.com',
    'http://acme.atlassian.net',
    'ftp://acme.atlassian.net',
    'https://user:pw@acme.atlassian.net',
    'https://acme.atlassian.net:8443',
    'acme.atlassian.net\u0000',
    'a b.atlassian.net',
    'x'.repeat(300),
    'a.b.atlassian.net',
  ])('refuses %j with an InputError', (input) => {
    expect(() => parseSite(input)).toThrow(InputError);
  });
});
