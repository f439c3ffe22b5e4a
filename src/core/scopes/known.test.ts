import { describe, expect, it } from 'vitest';
import { isDataCenterScope, isRecognisedScope, isServiceManagementScope, jiraScopeKind, suggestScope } from './known';

describe('recognised scopes', () => {
  it('knows the catalog, the Assets scopes and the Data Center link scopes', () => {
    expect(isRecognisedScope('read:sprint:jira-software')).toBe(true);
    expect(isRecognisedScope('offline_access')).toBe(true);
    expect(isRecognisedScope('delete:cmdb-object:jira')).toBe(true);
    expect(isRecognisedScope('SYSTEM_ADMIN')).toBe(true);
    expect(isRecognisedScope('read:sprint:Jira-software')).toBe(false);
    expect(isRecognisedScope('admin')).toBe(false);
  });

  it('tells the families apart', () => {
    expect(isServiceManagementScope('read:servicedesk-request')).toBe(true);
    expect(isServiceManagementScope('read:cmdb-schema:jira')).toBe(true);
    expect(isServiceManagementScope('read:jira-work')).toBe(false);
    expect(isDataCenterScope('ADMIN')).toBe(true);
    expect(jiraScopeKind('read:jira-work')).toBe('classic');
    expect(jiraScopeKind('read:sprint:jira-software')).toBe('granular');
    // Neither classic Jira nor granular Jira: they do not make a list "mixed".
    expect(jiraScopeKind('offline_access')).toBeUndefined();
    expect(jiraScopeKind('read:servicedesk-request')).toBeUndefined();
  });
});

describe('suggestScope', () => {
  it('fixes typos and case, and completes a scope missing its product', () => {
    expect(suggestScope('read:jira-wrok')).toBe('read:jira-work');
    expect(suggestScope('READ:SPRINT:JIRA-SOFTWAR')).toBe('read:sprint:jira-software');
    expect(suggestScope('write:epic')).toBe('write:epic:jira-software');
    expect(suggestScope('delete:cmdb-objct:jira')).toBe('delete:cmdb-object:jira');
  });

  it('suggests nothing for strings that are not near any scope', () => {
    expect(suggestScope('hello world')).toBeUndefined();
    expect(suggestScope('read')).toBeUndefined();
  });
});
