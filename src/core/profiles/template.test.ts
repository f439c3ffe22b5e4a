import { describe, expect, it } from 'vitest';
import { parseCustomProfile } from './custom';
import { profileTemplate } from './template';

describe('profileTemplate', () => {
  it('turns pasted console titles, commas and all, into a valid profile of their scopes', () => {
    const template = profileTemplate('View boards, backlogs, and related items, View sprints\nUpdate and delete sprints', 'https://acme.example/callback');
    const profile = parseCustomProfile(template);
    expect(profile.capabilities).toEqual([
      { name: 'Everything this integration does', certainty: 'required', scopes: ['read:board-scope:jira-software', 'read:sprint:jira-software', 'write:sprint:jira-software'] },
    ]);
    expect(profile.callbackUrls).toEqual(['https://acme.example/callback']);
  });

  it('leaves out what is no scope, keeps offline_access as the flag, and is valid with nothing pasted', () => {
    const profile = parseCustomProfile(profileTemplate('read:jira-work, Click Save, read:nothing:jira offline_access', ''));
    expect(profile).toMatchObject({ needsOfflineAccess: true, vendorScopes: ['read:jira-work', 'offline_access'], callbackUrls: [] });
    expect(profile.capabilities[0]?.scopes).toEqual(['read:jira-work']);
    expect(parseCustomProfile(profileTemplate('', '')).capabilities[0]?.scopes).toEqual(['read:jira-work']);
  });
});
