import { describe, expect, it } from 'vitest';
import { requirementOf } from './requirement';

describe('requirementOf', () => {
  it('lists each operation’s scope sets from the catalog, then each explicit scope', () => {
    const requirement = requirementOf({
      name: 'View boards',
      certainty: 'required',
      operations: [{ method: 'GET', path: '/rest/agile/1.0/board' }],
      scopes: ['read:servicedesk-request'],
    });
    expect(requirement).toEqual([
      [{ kind: 'granular', scopes: ['read:board-scope:jira-software', 'read:project:jira'] }],
      [{ kind: 'classic', scopes: ['read:servicedesk-request'] }],
    ]);
  });

  it('lets a higher Data Center permission satisfy a lower one', () => {
    expect(requirementOf({ name: 'Write', certainty: 'required', scopes: ['WRITE'] })).toEqual([
      [
        { kind: 'classic', scopes: ['WRITE'] },
        { kind: 'classic', scopes: ['ADMIN'] },
        { kind: 'classic', scopes: ['SYSTEM_ADMIN'] },
      ],
    ]);
  });

  it('returns the same object for the same capability (memoised)', () => {
    const capability = { name: 'Sprints', certainty: 'required' as const, operations: [{ method: 'GET' as const, path: '/rest/agile/1.0/sprint/{sprintId}' }] };
    expect(requirementOf(capability)).toBe(requirementOf(capability));
  });

  it('refuses an operation the catalog does not have', () => {
    expect(() => requirementOf({ name: 'Nope', certainty: 'required', operations: [{ method: 'GET', path: '/rest/nope' }] })).toThrow(/no Jira operation/);
  });
});
