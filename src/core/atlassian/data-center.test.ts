import { describe, expect, it } from 'vitest';
import { InputError } from '../model';
import { getDataCenterMyself, parseDataCenterBaseUrl, postDataCenterToken } from './data-center';
import { fakeDeps, fakeFetch } from './testing';

describe('parseDataCenterBaseUrl', () => {
  it.each([
    ['https://jira.acme.com', 'https://jira.acme.com'],
    ['  https://jira.acme.com/  ', 'https://jira.acme.com'],
    ['https://JIRA.acme.com/jira/', 'https://jira.acme.com/jira'],
    ['https://jira.acme.com:8443/jira', 'https://jira.acme.com:8443/jira'],
    ['https://jira.acme.com/jira/secure/Dashboard.jspa', 'https://jira.acme.com/jira'],
    ['https://jira.acme.com/browse/PRJ-1', 'https://jira.acme.com'],
    ['https://jira', 'https://jira'],
    ['http://127.0.0.1:41234/dc', 'http://127.0.0.1:41234/dc'],
    ['http://localhost:8080/', 'http://localhost:8080'],
  ])('accepts %s', (input, expected) => {
    expect(parseDataCenterBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['', /Enter the Jira Data Center base URL/],
    ['jira.acme.com', /not a URL/],
    ['http://jira.acme.com', /https/],
    ['http://127.0.0.1/dc', /https/],
    ['http://localhost', /https/],
    ['ftp://jira.acme.com', /https/],
    ['https://user:pw@jira.acme.com', /user name or password/],
    ['https://jira.acme.com/?os_authType=basic', /query/],
    ['https://jira.acme.com/#top', /fragment/],
    ['https://10.0.0.7/jira', /IP address/],
    ['https://2130706433/', /IP address/],
    ['https://[::1]:8443/', /IP address/],
    ['https://169.254.169.254/latest', /IP address/],
    ['https://0x7f000001:8443/', /IP address/],
    ['https://0177.0.0.1/', /IP address/],
    ['https://127.1:8443/', /IP address/],
    ['http://2130706433:9911/dc', /https/],
    ['https://0xa.0.0.7/', /IP address/],
    ['https://[::ffff:7f00:1]/', /IP address/],
    ['https://[fe80::1]:8443/', /IP address/],
    ['https://jira.acme.com./jira', /trailing dot/],
    ['https://acme.atlassian.net./', /trailing dot/],
    ['https://localhost.:8080/', /trailing dot/],
    ['https://jira_acme.com', /host name|not a URL/],
    ['https://acme.atlassian.net', /Jira Cloud site/],
    ['https://jira.acme.com/a b', /spaces/],
    [`https://jira.acme.com/${'x'.repeat(3000)}`, /too long/],
  ])('refuses %j with one InputError line', (input, message) => {
    let error: unknown;
    try {
      parseDataCenterBaseUrl(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).message).not.toContain('\n');
  });
});

describe('Data Center requests', () => {
  it('posts the token request form-encoded, with no Authorization header', async () => {
    const fetch = fakeFetch(() => ({ status: 400, body: { error: 'invalid_grant' } }));
    const outcome = await postDataCenterToken(fakeDeps(fetch), 'https://jira.acme.com/jira', {
      grant_type: 'authorization_code',
      client_id: 'id',
      client_secret: 's&cret',
    });
    const call = fetch.calls[0];
    expect(call?.url).toBe('https://jira.acme.com/jira/rest/oauth2/latest/token');
    expect(call?.init?.headers?.['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(call?.init?.headers?.Authorization).toBeUndefined();
    expect(call?.init?.body).toBe('grant_type=authorization_code&client_id=id&client_secret=s%26cret');
    expect(outcome).toMatchObject({ kind: 'bad-request', status: 400, errorCode: 'invalid_grant', request: 'POST /rest/oauth2/latest/token' });
  });

  it('sends a personal access token as Bearer and keeps only the first word of the denied reason', async () => {
    const fetch = fakeFetch(() => ({
      status: 403,
      headers: { 'X-Authentication-Denied-Reason': 'CAPTCHA_CHALLENGE; login-url=https://jira.acme.com/login.jsp' },
    }));
    const outcome = await getDataCenterMyself(fakeDeps(fetch), 'https://jira.acme.com', { bearer: 'demo-pat' });
    expect(fetch.calls[0]?.init?.headers?.Authorization).toBe('Bearer demo-pat');
    expect(outcome).toMatchObject({ kind: 'forbidden', authDeniedReason: 'CAPTCHA_CHALLENGE' });
    expect(JSON.stringify(outcome)).not.toContain('demo-pat');
  });
});
