import { describe, expect, it } from 'vitest';
import { ConfigError, environmentNeeded, parseDoctorConfig } from './config';

function issues(source: string): readonly string[] {
  try {
    parseDoctorConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseDoctorConfig', () => {
  it('reads JSON as well as YAML, with short forms for sites and profile files', () => {
    const config = parseDoctorConfig(JSON.stringify({ sites: ['acme', { site: 'globex', cloudId: 'x' }], profiles: ['a.json', { file: 'b.json' }] }));
    expect(config.sites).toEqual([{ site: 'acme' }, { site: 'globex', cloudId: 'x' }]);
    expect(config.profiles).toEqual(['a.json', 'b.json']);
    expect(config.connections).toEqual([]);
  });

  it('takes scopes as a list or as one pasted string', () => {
    const config = parseDoctorConfig(
      'connections:\n  - { name: A, clientId: a, scopes: [read:jira-work, View sprints] }\n  - { name: B, clientId: b, scopes: "read:jira-work, View sprints" }\n',
    );
    expect(config.connections.map((c) => c.scopes)).toEqual(['read:jira-work\nView sprints', 'read:jira-work, View sprints']);
  });

  it('names the variables it needs, with their fields', () => {
    const config = parseDoctorConfig(
      'tokens: [{ site: acme, email: a@b.example, tokenEnv: A_TOKEN }]\norganizations: [{ id: org-12345678, keyEnv: ORG_KEY }]\n',
    );
    expect(environmentNeeded(config)).toEqual([
      { variable: 'A_TOKEN', field: 'tokens[0].tokenEnv' },
      { variable: 'ORG_KEY', field: 'organizations[0].keyEnv' },
    ]);
  });

  it('refuses secrets at any depth, duplicate keys, and both profile and profileFile, each on its own line', () => {
    expect(issues('organizations:\n  - { id: org-12345678, key: demo-key }\n')).toEqual([
      'organizations[0].key: a secret does not belong in a config file; put it in an environment variable and name it in keyEnv',
      'organizations[0].keyEnv: the environment variable name is required',
    ]);
    expect(issues('sites: [a]\nsites: [b]\n')[0]).toMatch(/^config line 2, column 1: Map keys must be unique/);
    expect(issues('tokens: [{ site: a, email: a@b.example, tokenEnv: T, profile: x, profileFile: y }]')).toEqual([
      'tokens[0]: give profile or profileFile, not both',
    ]);
  });
});
