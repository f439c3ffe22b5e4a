import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pluralise, sample, utf8Length } from './text';

describe('utf8Length', () => {
  it('counts what TextEncoder writes, lone surrogates included', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Length('\ud800x')).toBe(4);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8Length(text) === new TextEncoder().encode(text).length));
  });
});

describe('pluralise', () => {
  it('counts a noun, irregular plurals included', () => {
    expect(pluralise(1, 'scope')).toBe('1 scope');
    expect(pluralise(0, 'scope')).toBe('0 scopes');
    expect(pluralise(2, 'capability', 'capabilities')).toBe('2 capabilities');
  });
});

describe('sample', () => {
  it('names the first few and counts the rest', () => {
    expect(sample(['a', 'b', 'c'])).toBe('a, b, c');
    expect(sample(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
    expect(sample(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
  });
});
