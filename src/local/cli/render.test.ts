import { describe, expect, it } from 'vitest';
import { exitCodeFor, maskSecrets, renderResult } from './render';

describe('CLI rendering', () => {
  it('prints a mark per status, details for non-passing results and the fix indented', () => {
    expect(renderResult({ id: 'token.accepted', title: 'Fine', status: 'pass', detail: 'hidden' })).toEqual(['  ✓ Fine']);
    expect(renderResult({ id: 'token.kind', title: 'Broken', status: 'fail', detail: 'one\ntwo', fix: 'do it' })).toEqual([
      '  ✗ Broken',
      '    - one',
      '    - two',
      '    - Fix: do it',
    ]);
  });
  it('prints information with an i and its detail, as a fact that asks nothing', () => {
    expect(renderResult({ id: 'oauth.coverage.vendor-listed', title: 'Kept', status: 'info', detail: 'The vendor lists it.' })).toEqual([
      '  i Kept',
      '    - The vendor lists it.',
    ]);
  });
  it('maps verdicts to exit codes', () => {
    expect([exitCodeFor('pass'), exitCodeFor('info'), exitCodeFor('warn'), exitCodeFor('fail'), exitCodeFor('unknown')]).toEqual([0, 0, 0, 1, 3]);
  });
  it('masks secrets wherever they appear', () => {
    expect(maskSecrets('token demo-long-secret-9z here', ['demo-long-secret-9z'])).toBe('token ****9z here');
    // A short secret keeps none of its characters: two of eight say too much.
    expect(maskSecrets('token demo-9z1 here', ['demo-9z1'])).toBe('token **** here');
  });
});
