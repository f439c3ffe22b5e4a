import { describe, expect, it } from 'vitest';
import { InputError } from '../model';
import { parseCustomProfile, ProfileError } from './custom';

const valid = {
  id: 'acme-sync',
  name: 'Acme Sync',
  vendor: 'Acme',
  tokenKind: 'oauth',
  capabilities: [
    { name: 'Read sprints', operations: [{ method: 'get', path: '/rest/agile/1.0/sprint/{sprintId}' }] },
    { name: 'Service desk', scopes: ['read:servicedesk-request'] },
  ],
  callbackUrls: ['https://acme.example/oauth/callback'],
};

function issuesOf(input: unknown): readonly string[] {
  try {
    parseCustomProfile(input);
  } catch (error) {
    if (error instanceof ProfileError) return error.issues;
    throw error;
  }
  throw new Error('expected the profile to be refused');
}

describe('parseCustomProfile', () => {
  it('accepts a valid profile from JSON text or a value, filling defaults', () => {
    const profile = parseCustomProfile(JSON.stringify(valid));
    expect(profile).toMatchObject({ id: 'acme-sync', source: 'custom', needsOfflineAccess: false, vendorScopes: [], summary: '' });
    expect(profile.capabilities[0]!.operations).toEqual([{ method: 'GET', path: '/rest/agile/1.0/sprint/{sprintId}' }]);
    expect(parseCustomProfile(valid)).toEqual(profile);
  });

  it('reads an unmarked capability as required, and takes likely ones with what to ask the vendor', () => {
    const profile = parseCustomProfile({
      ...valid,
      capabilities: [...valid.capabilities, { name: 'Delete sprints', certainty: 'likely', ask: 'deletes sprints', scopes: ['delete:sprint:jira-software'] }],
      tokenScopes: ['read:jira-work'],
      fixes: { scopedTokenBaseUrl: 'In Acme, paste {gatewayUrl}.' },
    });
    expect(profile.capabilities.map((c) => c.certainty)).toEqual(['required', 'required', 'likely']);
    expect(profile.capabilities[2]?.ask).toBe('deletes sprints');
    expect(profile).toMatchObject({ tokenScopes: ['read:jira-work'], fixes: { scopedTokenBaseUrl: 'In Acme, paste {gatewayUrl}.' } });
    expect(issuesOf({ ...valid, capabilities: [{ ...valid.capabilities[1], certainty: 'maybe' }] })).toEqual(['capabilities[0].certainty: certainty must be required or likely']);
  });

  it('says which field is wrong, one line each', () => {
    const issues = issuesOf({
      ...valid,
      id: 'Acme Sync',
      tokenKind: 'pat',
      capabilities: [
        { name: 'A', operations: [{ method: 'GET', path: '/rest/agile/1.0/sprint/{sprintId}' }] },
        { name: 'B', operations: [{ method: 'FETCH', path: '/rest/api/3/myself' }] },
        { name: 'C', operations: [{ method: 'GET', path: '/rest/api/3/myself' }, { method: 'GET', path: '/rest/foo' }] },
        { name: 'D' },
      ],
      callbackUrls: ['http://acme.example/cb'],
    });
    expect(issues).toEqual([
      'id: id must be kebab-case, e.g. acme-sync',
      'tokenKind: tokenKind must be oauth, scoped-token, classic-token or dc-oauth',
      'capabilities[1].operations[0].method: method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
      'capabilities[2].operations[1].path: no Jira operation GET /rest/foo',
      'capabilities[3]: a capability needs operations or scopes',
      'callbackUrls[0]: callback URL must be an https URL',
    ]);
  });

  it('refuses unknown scopes with a did-you-mean', () => {
    expect(issuesOf({ ...valid, vendorScopes: ['read:sprint:jira-sofware', 'bogus'] })).toEqual([
      'vendorScopes[0]: unknown scope "read:sprint:jira-sofware" (did you mean read:sprint:jira-software?)',
      'vendorScopes[1]: unknown scope "bogus"',
    ]);
  });

  it('refuses operations only apps can call', () => {
    const capabilities = [{ name: 'Connect', operations: [{ method: 'GET', path: '/rest/atlassian-connect/1/service-registry' }] }];
    expect(issuesOf({ ...valid, capabilities })).toEqual([
      'capabilities[0].operations[0].path: GET /rest/atlassian-connect/1/service-registry is for apps only: no OAuth scope or API token allows it',
    ]);
  });

  it('explains malformed JSON in one line, as an InputError', () => {
    expect(() => parseCustomProfile('{"id": ')).toThrow(InputError);
    expect(() => parseCustomProfile('{"id": ')).toThrow(/^profile is not valid JSON: /);
    // Where it breaks, never what is there.
    expect(() => parseCustomProfile('{\n  "id": "a",\n  "name" "demo-quoted"\n}')).toThrow(/^profile is not valid JSON: the error is at line 3, column 10$/);
    expect(() => parseCustomProfile('root:x:0:0:root:/root:/bin/bash')).toThrow(/^profile is not valid JSON: a profile is one JSON object, starting with \{$/);
    expect(() => parseCustomProfile('x'.repeat(200_000))).toThrow(/too large/);
  });

  it('refuses something that is not an object', () => {
    expect(issuesOf([])[0]).toMatch(/^profile: /);
    expect(issuesOf(null)[0]).toMatch(/^profile: /);
  });

  it('is an InputError with the first bad field, so the CLI prints it without a stack', () => {
    try {
      parseCustomProfile({ ...valid, name: '' });
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('name');
      expect((error as Error).message).toBe('name: name is required');
    }
  });
});
