import { describe, expect, it } from 'vitest';
import { InputError } from '../model';
import { allScopes } from '../catalog';
import { CONSOLE_LABELS } from '../catalog/console-labels';
import { MAX_ENTRIES, MAX_INPUT_CHARS, MAX_TITLE_PIECES, tokenizeScopeList } from './parse';

const labels = new Set(['view sprints', 'view boards, backlogs, and related items']);
const isLabel = (phrase: string): boolean => labels.has(phrase.toLowerCase());
const texts = (input: string): string[] => tokenizeScopeList(input, isLabel).map((e) => e.text);

describe('tokenizeScopeList', () => {
  it('splits on spaces, commas, semicolons and newlines', () => {
    expect(texts('read:jira-work write:jira-work,read:jira-user;\nmanage:jira-project')).toEqual([
      'read:jira-work',
      'write:jira-work',
      'read:jira-user',
      'manage:jira-project',
    ]);
  });

  it('drops bullets and numbering', () => {
    expect(texts('- read:jira-work\n• read:jira-user\n* write:jira-work\n1. manage:jira-project\n12) offline_access\n-')).toEqual([
      'read:jira-work',
      'read:jira-user',
      'write:jira-work',
      'manage:jira-project',
      'offline_access',
    ]);
  });

  it('keeps a space after a colon inside the token, for lint to flag', () => {
    expect(texts('read: board-scope:jira-software read:jira-work')).toEqual(['read: board-scope:jira-software', 'read:jira-work']);
  });

  it('takes the scope side of `Label – scope` lines with any dash', () => {
    expect(texts('View Issues – read:issue:Jira\nView sprints — read:sprint:jira-software\nView Issue Details - read:issue-details:jira')).toEqual([
      'read:issue:Jira',
      'read:sprint:jira-software',
      'read:issue-details:jira',
    ]);
    expect(texts('read:jira-work – View Jira issue data')).toEqual(['read:jira-work']);
    expect(texts('View Boards, Backlogs, and Related Items – read: board-scope:jira-software')).toEqual(['read: board-scope:jira-software']);
  });

  it('takes the scope out of `scope (Title)` and `Title (scope)`', () => {
    expect(texts('read:jira-work (View Jira issue data)\nView sprints (read:sprint:jira-software)')).toEqual(['read:jira-work', 'read:sprint:jira-software']);
  });

  it('keeps console titles whole, commas included', () => {
    const entries = tokenizeScopeList('View boards, backlogs, and related items\nView sprints', isLabel);
    expect(entries.map((e) => [e.kind, e.text])).toEqual([
      ['phrase', 'View boards, backlogs, and related items'],
      ['phrase', 'View sprints'],
    ]);
  });

  it('matches titles with commas greedily inside a comma-separated list, before splitting the rest', () => {
    expect(texts('View boards, backlogs, and related items, View sprints')).toEqual(['View boards, backlogs, and related items', 'View sprints']);
    expect(texts('read:jira-work, View boards, backlogs, and related items; read:project:jira')).toEqual([
      'read:jira-work',
      'View boards, backlogs, and related items',
      'read:project:jira',
    ]);
    // Pieces that make no title are split as before.
    expect(texts('View boards, backlogs')).toEqual(['View boards', 'backlogs']);
  });

  it('has a title window wide enough for every known title', () => {
    const titles = [...CONSOLE_LABELS.map(([title]) => title), ...allScopes().flatMap((s) => (s.label ? [s.label] : []))];
    const pieces = Math.max(...titles.map((title) => title.split(/[,;]/).length));
    expect(pieces).toBeLessThanOrEqual(MAX_TITLE_PIECES);
  });

  it('stays quick on a long comma-separated line (the title window is bounded)', () => {
    const started = performance.now();
    tokenizeScopeList(Array.from({ length: 1_900 }, (_, i) => `word${i}`).join(', '), isLabel);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads the scope cell of table rows and skips header and prose rows', () => {
    const table = [
      'Scope | Scope type | Jira explanation |',
      'offline_access | To get a refresh token, add offline_access to the scope parameter. | |',
      'read:jira-work | Classic scopes | View Jira issue data |',
      'Scopes for work with boards and sprints: | |||',
      'Required to get issue types, fields and relations |',
      '| View sprints | granular |',
      'API | the Jira REST API |',
      'ADMIN | Data Center link permission |',
    ].join('\n');
    expect(texts(table)).toEqual(['offline_access', 'read:jira-work', 'View sprints', 'ADMIN']);
  });

  it('ignores section headings but not Data Center scopes', () => {
    expect(texts('Read\nread:jira-work\nWrite:\nManage\nDelete\nREAD\nWRITE ADMIN SYSTEM_ADMIN')).toEqual([
      'read:jira-work',
      'READ',
      'WRITE',
      'ADMIN',
      'SYSTEM_ADMIN',
    ]);
  });

  it('strips quotes, backticks, sentence punctuation, invisible and control characters', () => {
    expect(texts('`read:jira-work`, "read:jira-user".\u200B\u0000write:jira-work\u00A0manage:jira-project\r\n')).toEqual([
      'read:jira-work',
      'read:jira-user',
      'write:jira-work',
      'manage:jira-project',
    ]);
  });

  it('keeps a colon-less multi-word line together as a phrase', () => {
    const entries = tokenizeScopeList('View sprintz please', isLabel);
    expect(entries).toEqual([{ input: 'View sprintz please', kind: 'phrase', text: 'View sprintz please' }]);
  });

  it('refuses input too large to be a scope list', () => {
    expect(() => tokenizeScopeList('a'.repeat(MAX_INPUT_CHARS + 1), isLabel)).toThrow(InputError);
    expect(() => tokenizeScopeList('read:jira-work '.repeat(MAX_ENTRIES + 1), isLabel)).toThrow(/more than 2000 entries/);
  });
});
