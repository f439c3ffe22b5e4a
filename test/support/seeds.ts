/**
 * The vendor guides' own scope lists, cut from the seed files as a person would copy them, in each form the
 * guides use or a person pastes them in: one per line, comma-separated, console titles, scope strings.
 * Nothing here is corrected: the guides' typos stay as written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// CI keeps ../shared beside the repository.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function seed(name: string): string {
  return readFileSync(path.resolve(repoRoot, '../shared/seeds', name), 'utf8');
}

/** The lines after the line containing `start`, up to the next line containing `end`. */
export function section(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`seed has no "${start}"`);
  const body = text.slice(text.indexOf('\n', from) + 1);
  const to = body.indexOf(end);
  if (to < 0) throw new Error(`seed has no "${end}" after "${start}"`);
  return body.slice(0, to);
}

/** Non-empty lines without their bullet or number ("1.", "-"). */
export function items(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^(?:[-•]|\d+\.)\s*/, ''))
    .filter(Boolean);
}

export interface GuideList {
  /** Which form, for test names. */
  form: string;
  text: string;
}

/** Seed 000: six console titles, numbered, one per line. */
export function kendisCloudLists(): { titles: string[]; forms: GuideList[] } {
  const list = section(seed('000_b4ddbc7abb3b5da1.txt'), 'select the following permission names:', 'These six permissions');
  const titles = items(list);
  return {
    titles,
    forms: [
      { form: 'titles, one per line as in the guide', text: list },
      { form: 'titles, comma-separated', text: titles.join(', ') },
    ],
  };
}

/** Seed 001: 20 scope strings under Delete / Read / Write / Manage headings. */
export function kendisUserTokenLists(): { scopes: string[]; forms: GuideList[] } {
  const list = section(seed('001_e0e728ccdb71838b.txt'), 'Search and select the following permission names:', 'After selecting all');
  const scopes = items(list).filter((line) => line.includes(':'));
  return {
    scopes,
    forms: [
      { form: 'scope strings under headings, one per line as in the guide', text: list },
      { form: 'scope strings, comma-separated', text: scopes.join(', ') },
    ],
  };
}

/** Seed 002: the Permission the guide selects, `Select "Admin" from the list.` */
export function kendisDataCenterPermission(): string {
  const match = /Select "([^"]+)" from the list/.exec(seed('002_65f92834928cf829.txt'));
  if (!match?.[1]) throw new Error('seed 002 names no permission');
  return match[1];
}

/**
 * Seed 003: seven classic and four Service Management scope strings, and eleven granular ones as
 * `Title – scope` with the guide's typos (read:issue:Jira, read: board-scope:jira-software).
 */
export function oneConnectLists(): { classic: string[]; serviceManagement: string[]; granularTitles: string[]; granularScopes: string[]; forms: GuideList[] } {
  const text = seed('003_c958a74b68b19bb3.txt');
  const classicSection = section(text, 'Under Jira Platform REST API', 'Click Save.');
  const serviceManagementSection = section(text, 'Enable the following scopes:', 'Click Save.');
  const granularSection = section(text, 'Click Edit Scopes and add the following:', 'Click Save.');
  const classic = items(classicSection);
  const serviceManagement = items(serviceManagementSection);
  const pairs = items(granularSection).map((line) => line.split(/\s+[–-]\s+/));
  const granularTitles = pairs.map(([title]) => title ?? '');
  const granularScopes = pairs.map(([, scope]) => scope ?? '');
  const strings = [...classic, ...serviceManagement];
  return {
    classic,
    serviceManagement,
    granularTitles,
    granularScopes,
    forms: [
      { form: 'the three lists, one per line as in the guide', text: [classicSection, serviceManagementSection, granularSection].join('\n') },
      { form: 'scope strings as written, one per line', text: [...strings, ...granularScopes].join('\n') },
      { form: 'scope strings as written, comma-separated', text: [...strings, ...granularScopes].join(', ') },
      { form: 'console titles for the granular ones, one per line', text: [...strings, ...granularTitles].join('\n') },
      { form: 'console titles for the granular ones, comma-separated', text: [...strings, ...granularTitles].join(', ') },
    ],
  };
}

/** Seed 004: the 14-row table (offline_access first) and the same scopes on one line. */
export function targetprocessLists(): { scopes: string[]; forms: GuideList[] } {
  const text = seed('004_2a41cf14c06f4caa.txt');
  const line = text.split('\n').find((l) => l.startsWith('offline_access read:jira-work'));
  if (!line) throw new Error('seed 004 has no one-line scope list');
  const table = section(text, 'The only exception here is', 'offline_access read:jira-work');
  const scopes = line.trim().split(/\s+/);
  return {
    scopes,
    forms: [
      { form: 'the table as in the guide', text: table },
      { form: 'the one-line list as in the guide', text: line },
      { form: 'scope strings, one per line', text: scopes.join('\n') },
      { form: 'scope strings, comma-separated', text: scopes.join(', ') },
    ],
  };
}
