import { describe, expect, it } from 'vitest';
import type { Profile } from '../profiles/types';
import { requireProfile } from '../profiles';
import { checkCallbackUrl, differencesFrom, matchesPattern } from './callback-url';

const oneconnect = {
  vendor: 'OneConnect',
  callbackUrls: ['https://my.oneconnect.ai/oauth/jira/callback', 'https://eu.oneconnect.ai/oauth/jira/callback'],
} as unknown as Profile;

describe('checkCallbackUrl', () => {
  it('passes an exact match', () => {
    expect(checkCallbackUrl('https://eu.oneconnect.ai/oauth/jira/callback', oneconnect).status).toBe('pass');
  });
  it.each([
    ['https://my.oneconnect.ai/oauth/jira/callback/', 'trailing slash'],
    ['http://my.oneconnect.ai/oauth/jira/callback', 'http instead of https'],
    ['https://my.oneconnect.ai/oauth/jira/callback?x=1', 'query string'],
    ['https://my.oneconnect.ai/oauth/jira/callback#top', 'fragment'],
    ['https://my.oneconnect.ai/oauth/jira', 'path /oauth/jira instead of /oauth/jira/callback'],
  ])('names what differs in %s', (url, difference) => {
    const result = checkCallbackUrl(url, oneconnect);
    expect(result.status).toBe('fail');
    expect(result.detail).toContain(difference);
    expect(result.fix).toContain('https://my.oneconnect.ai/oauth/jira/callback');
    expect(result.urls).toEqual(oneconnect.callbackUrls);
  });
  it('names the EU vs non-EU region', () => {
    expect(differencesFrom('https://eu.oneconnect.ai/x', 'https://my.oneconnect.ai/x')[0]).toContain('EU vs non-EU region');
  });
  it('checks only the shape when the vendor has no fixed URL', () => {
    expect(checkCallbackUrl('https://acme.kendis.io/oauth/jira/callback', undefined).status).toBe('pass');
    expect(checkCallbackUrl('http://acme.kendis.io/cb', undefined).status).toBe('fail');
    expect(checkCallbackUrl('not a url', undefined).status).toBe('fail');
    expect(checkCallbackUrl(undefined, undefined).status).toBe('unknown');
  });
});

describe('checkCallbackUrl against a per-customer pattern', () => {
  const kendis = requireProfile('kendis-cloud-oauth');
  it('passes a URL of the pattern’s shape, saying it must still equal the vendor’s', () => {
    const result = checkCallbackUrl('https://acme.kendis.io/oauth/jira/callback', kendis);
    expect(result).toMatchObject({ status: 'pass', detail: expect.stringContaining('https://{your-kendis}.kendis.io/…') });
  });
  it.each(['https://acme.kendis.com/oauth/jira/callback', 'https://kendis.io/oauth', 'https://acme.example.com/cb'])(
    'warns on %s, with where Kendis shows its URL',
    (url) => {
      const result = checkCallbackUrl(url, kendis);
      expect(result).toMatchObject({ status: 'warn', fix: expect.stringContaining('ALM Account') });
    },
  );
  it('still fails what Atlassian refuses', () => {
    expect(checkCallbackUrl('http://acme.kendis.io/cb', kendis).status).toBe('fail');
  });
  it('warns with the vendor’s own fix when no callback URL is entered', () => {
    expect(checkCallbackUrl('', kendis)).toMatchObject({ status: 'warn', fix: expect.stringContaining('Using Scope API') });
  });
  it('reads {name} as one host label and … as any path', () => {
    expect(matchesPattern(new URL('https://ACME.kendis.io/x/y?z=1'), 'https://{tenant}.kendis.io/…')).toBe(true);
    expect(matchesPattern(new URL('https://a.b.kendis.io/x'), 'https://{tenant}.kendis.io/…')).toBe(false);
    expect(matchesPattern(new URL('https://acme.kendis.io/x'), 'https://{tenant}.kendis.io/cb')).toBe(false);
  });
});

describe('checkCallbackUrl and the region a connection is named for', () => {
  const oneconnect = requireProfile('oneconnect-oauth-full');
  const EU = 'https://eu.oneconnect.ai/oauth/jira/callback';
  const NON_EU = 'https://my.oneconnect.ai/oauth/jira/callback';
  it('warns when a connection named EU has the non-EU URL, naming the EU one', () => {
    const result = checkCallbackUrl(NON_EU, oneconnect, 'OnePlan OneConnect (EU)');
    expect(result).toMatchObject({ status: 'warn', fix: expect.stringContaining(EU) });
    expect(result.title).toContain('non-EU');
  });
  it('warns the other way round, and reads "non-EU" as its own word', () => {
    expect(checkCallbackUrl(EU, oneconnect, 'OneConnect non-EU').status).toBe('warn');
    expect(checkCallbackUrl(NON_EU, oneconnect, 'OneConnect non-EU').status).toBe('pass');
  });
  it('reads the region from the profile’s name too', () => {
    const euProfile = { ...oneconnect, name: 'OneConnect EU' };
    expect(checkCallbackUrl(NON_EU, euProfile, 'OneConnect').status).toBe('warn');
    expect(checkCallbackUrl(NON_EU, euProfile).detail).toContain('the profile is "OneConnect EU"');
  });
  it('passes the region the name asks for, and names without a region', () => {
    expect(checkCallbackUrl(EU, oneconnect, 'OnePlan OneConnect (EU)').status).toBe('pass');
    expect(checkCallbackUrl(NON_EU, oneconnect, 'OneConnect').status).toBe('pass');
    expect(checkCallbackUrl(NON_EU, oneconnect, 'Europe sync').status).toBe('pass');
  });
});
