/**
 * Tokenising a pasted scope list: what people copy from guides, consoles and chats. This file only splits
 * text into entries; deciding what each entry means is lint.ts's job.
 */
import { InputError } from '../model';
import { isDataCenterScope } from './known';

/** Beyond these, the input is not a scope list someone pasted; refuse with one clear line. */
export const MAX_INPUT_CHARS = 200_000;
export const MAX_ENTRIES = 2_000;

export interface ScopeEntry {
  /** As the person wrote it (trimmed), for messages. */
  input: string;
  /**
   * `scope`: one scope-like token, possibly with stray spaces around its colons (`read: board-scope:…`).
   * `phrase`: several words and no colon — a console title ("View sprints") or not a scope at all.
   */
  kind: 'scope' | 'phrase';
  text: string;
}

/** Decides whether a phrase is a known console title, so titles containing commas stay whole. */
export type LabelTest = (phrase: string) => boolean;

// Control characters (other than tab and newline) become spaces; invisible ones copied from web pages go.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;
const INVISIBLE_CHARS = /[\u200B-\u200D\u2060\uFEFF]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const BULLET = /^(?:[-*•‣◦▪·+]|\d{1,3}[.)])(?:\s+|$)/;
/** `Label – scope` / `Label — scope` / `Label - scope`: a dash with spaces on both sides. */
const DASH_SEPARATOR = /^(.*?\S)\s+[–—-]\s+(\S.*)$/;
/** `scope (Label)` or `Label (scope)`. */
const PARENTHESES = /^([^()]*)\(([^()]*)\)$/;
/** Section headings in guides (seed 001 groups its list under Read / Write / Delete / Manage). */
const HEADING = /^(?:read|write|delete|manage|classic|granular|(?:classic |granular )?scopes?)\s*:?$/i;
/** Whitespace that separates tokens: not next to a colon, where it is a typo inside one scope. */
const TOKEN_GAP = /(?<![:\s])\s+(?![\s:])/;
/** A whole table cell that is a scope (stray spaces allowed), for picking the scope column. */
const SCOPE_LIKE = /^[A-Za-z][\w.-]*(?:\s*:\s*[\w.-]+)+$/;
/**
 * Somewhere in the text, a scope: `read:jira-work` (one colon, no spaces) or `action:resource:product` (two or
 * more colons, stray spaces allowed). "Note: A total of 22" has a colon but no scope.
 */
const SCOPE_SHAPE = /(?:^|[\s,;(|])[A-Za-z][\w.-]*(?::[\w.-]+(?=$|[\s,;)|])|\s*:\s*[\w.-]+(?:\s*:\s*[\w.-]+)+)/;

export function tokenizeScopeList(text: string, isLabel: LabelTest): ScopeEntry[] {
  if (text.length > MAX_INPUT_CHARS) {
    throw new InputError(`scope list is too long (${text.length} characters; the limit is ${MAX_INPUT_CHARS})`, 'scopes');
  }
  // One space per run: it keeps every pattern below linear on adversarial whitespace.
  const clean = text
    .replace(INVISIBLE_CHARS, '')
    .replace(ODD_SPACES, ' ')
    .replace(CONTROL_CHARS, ' ')
    .replace(/[ \t]+/g, ' ');
  const entries: ScopeEntry[] = [];
  for (const line of clean.split(/\r\n|\r|\n/)) {
    for (const entry of entriesOfLine(line, isLabel)) {
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) {
        throw new InputError(`scope list has more than ${MAX_ENTRIES} entries; paste one integration's scopes`, 'scopes');
      }
    }
  }
  return entries;
}

function entriesOfLine(rawLine: string, isLabel: LabelTest): ScopeEntry[] {
  const line = stripPunctuation(rawLine.trim().replace(BULLET, ''));
  if (!line || (HEADING.test(line) && !isAllCaps(line))) return [];
  if (line.includes('|')) {
    // A table row: the scope is the first cell that holds one; header and prose rows give nothing.
    const cell = line
      .split('|')
      .map((c) => stripPunctuation(c.trim()))
      .find((c) => SCOPE_LIKE.test(c) || isScopeWord(c) || isLabel(c));
    return cell ? entriesOfLine(cell, isLabel) : [];
  }
  if (isLabel(line)) return [{ input: line, kind: 'phrase', text: line }];
  for (const pattern of [DASH_SEPARATOR, PARENTHESES]) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [, left = '', right = ''] = match;
    // A scope with its title beside it, either way round: keep the side that holds the scope.
    if (hasScopeToken(right)) return entriesOfText(right, isLabel);
    if (hasScopeToken(left)) return entriesOfText(left, isLabel);
  }
  return entriesOfText(line, isLabel);
}

/** No console title has more than four commas in it; a window of this many pieces holds any of them. */
export const MAX_TITLE_PIECES = 6;

function entriesOfText(text: string, isLabel: LabelTest): ScopeEntry[] {
  const entries: ScopeEntry[] = [];
  const parts = text.split(/[,;]/);
  for (let i = 0; i < parts.length; i++) {
    // Titles hold commas ("View boards, backlogs, and related items"): the longest run of pieces that is a
    // known title is one entry, before the rest is split.
    const title = longestTitle(parts, i, isLabel);
    if (title) {
      entries.push({ input: title.text, kind: 'phrase', text: title.text });
      i = title.end - 1;
      continue;
    }
    const piece = stripPunctuation((parts[i] ?? '').trim());
    if (!piece) continue;
    const words = piece.split(/\s+/);
    if (isLabel(piece) || (words.length > 1 && !hasScopeToken(piece))) {
      entries.push({ input: piece, kind: 'phrase', text: piece });
      continue;
    }
    for (const token of piece.split(TOKEN_GAP)) {
      const value = stripPunctuation(token.trim());
      if (value) entries.push({ input: value, kind: 'scope', text: value });
    }
  }
  return entries;
}

/** The longest title made of two or more pieces from `start`, and the index after its last piece. */
function longestTitle(parts: readonly string[], start: number, isLabel: LabelTest): { text: string; end: number } | undefined {
  for (let end = Math.min(parts.length, start + MAX_TITLE_PIECES); end > start + 1; end--) {
    const text = stripPunctuation(parts.slice(start, end).join(',').trim());
    if (isLabel(text)) return { text, end };
  }
  return undefined;
}

function hasScopeToken(text: string): boolean {
  return SCOPE_SHAPE.test(text) || text.split(/\s+/).some(isScopeWord);
}

/** A colon-less word that can still be a scope: `offline_access`, or Data Center's `READ`/`SYSTEM_ADMIN`. */
function isScopeWord(word: string): boolean {
  return /^[a-z]+_[a-z_]+$/i.test(word) || isDataCenterScope(word);
}

function isAllCaps(text: string): boolean {
  return text === text.toUpperCase() && /[A-Z]/.test(text);
}

/** Quotes, backticks, brackets and sentence punctuation around an entry are not part of it. */
function stripPunctuation(text: string): string {
  const bare = text
    .replace(/^[`'"“”‘’[]+/, '')
    .replace(/[`'"“”‘’\].,;]+$/, '')
    .trim();
  if (bare.startsWith('(') && bare.endsWith(')')) return bare.slice(1, -1).trim();
  // A balanced `(…)` after the entry is a title beside it, which entriesOfLine takes apart.
  const opens = bare.includes('(');
  const closes = bare.includes(')');
  return opens && closes ? bare : bare.replace(/^\(+/, '').replace(/\)+$/, '').trim();
}
