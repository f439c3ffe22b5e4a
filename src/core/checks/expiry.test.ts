import { describe, expect, it } from 'vitest';
import { expiryResult } from './expiry';

describe('expiry', () => {
  it('passes far dates and warns from the first reminder (30 days) for a token that works', () => {
    expect(expiryResult('2027-06-01', 189, 'scoped')?.status).toBe('pass');
    expect(expiryResult('2026-12-25', 31, 'scoped')?.status).toBe('pass');
    expect(expiryResult('2026-12-24', 30, 'scoped')).toMatchObject({ status: 'warn', title: 'Expires in 30 days (2026-12-24)' });
    expect(expiryResult('2026-11-30', 6, 'classic')).toMatchObject({ status: 'warn', title: 'Expires in 6 days (2026-11-30)' });
    expect(expiryResult('2026-11-25', 1, 'classic')).toMatchObject({ status: 'warn', title: 'Expires tomorrow (2026-11-25)' });
  });
  it('reads a past date against what the token did', () => {
    expect(expiryResult('2026-11-20', -4, 'invalid')).toMatchObject({ status: 'fail', title: 'Expired on 2026-11-20' });
    expect(expiryResult('2026-11-20', -4, 'scoped')).toMatchObject({
      status: 'warn',
      title: 'The expiry date you entered seems wrong',
      fix: expect.stringContaining('id.atlassian.com'),
    });
    // Not knowing whether the token works never fails on the date alone.
    expect(expiryResult('2026-11-20', -4, 'unknown')?.status).toBe('warn');
  });
  it('says nothing of a future date for a refused token', () => {
    expect(expiryResult('2027-06-01', 189, 'invalid')).toBeUndefined();
  });
});
