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
  it('passes far dates, warns within 14 days, fails once past', () => {
    expect(expiryResult('2027-06-01', 189).status).toBe('pass');
    expect(expiryResult('2026-11-30', 6)).toMatchObject({ status: 'warn', title: 'Expires in 6 days (2026-11-30)' });
    expect(expiryResult('2026-11-20', -4).status).toBe('fail');
  });
  it('refuses dates that do not exist', () => {
    expect(() => daysUntil('2026-02-30', now)).toThrow(InputError);
    expect(() => daysUntil('30/11/2026', now)).toThrow(InputError);
  });
});
