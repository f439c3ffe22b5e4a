import { describe, expect, it } from 'vitest';
import type { Profile } from '../profiles/types';
import { checkCallbackUrl, differencesFrom } from './callback-url';

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
