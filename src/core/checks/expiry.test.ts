import { describe, expect, it } from 'vitest';
import { InputError } from '../model';
import { daysUntil, expiryResult } from './expiry';

const now = new Date('2026-11-24T23:30:00Z');

describe('expiry', () => {
  it('counts whole UTC days', () => {
    expect(daysUntil('2026-11-30', now)).toBe(6);
    expect(daysUntil('2026-11-24', now)).toBe(0);
    expect(daysUntil('2026-11-20', now)).toBe(-4);
  });
  it('passes far dates and warns within 14 days for a token that works', () => {
    expect(expiryResult('2027-06-01', 189, 'scoped')?.status).toBe('pass');
    expect(expiryResult('2026-11-30', 6, 'classic')).toMatchObject({ status: 'warn', title: 'Expires in 6 days (2026-11-30)' });
  });
  it('reads a past date against what the token did', () => {
    expect(expiryResult('2026-11-20', -4, 'invalid')).toMatchObject({ status: 'fail', title: 'Expired on 2026-11-20' });
    expect(expiryResult('2026-11-20', -4, 'scoped')).toMatchObject({ status: 'warn', title: 'The expiry date you entered seems wrong', fix: expect.stringContaining('id.atlassian.com') });
    // Not knowing whether the token works never fails on the date alone.
    expect(expiryResult('2026-11-20', -4, 'unknown')?.status).toBe('warn');
  });
  it('says nothing of a future date for a refused token', () => {
    expect(expiryResult('2027-06-01', 189, 'invalid')).toBeUndefined();
  });
  it('refuses dates that do not exist', () => {
    expect(() => daysUntil('2026-02-30', now)).toThrow(InputError);
    expect(() => daysUntil('30/11/2026', now)).toThrow(InputError);
  });
});
