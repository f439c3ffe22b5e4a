import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Length } from './text';

describe('utf8Length', () => {
  it('counts what TextEncoder writes, lone surrogates included', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Length('\ud800x')).toBe(4);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8Length(text) === new TextEncoder().encode(text).length));
  });
});
