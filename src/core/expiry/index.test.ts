import { describe, expect, it } from 'vitest';
import { InputError } from '../model';
import { countdown, daysUntil, expiryOf, expiryState, refreshTokenWindows, reminderThreshold, requireTokenExpiry } from '.';

// Late in the UTC day: "today" is 2026-11-24 until midnight UTC, whatever the hour.
const now = new Date('2026-11-24T23:30:00Z');

describe('expiry state', () => {
  it('counts whole UTC days from today', () => {
    expect(daysUntil('2026-11-30', now)).toBe(6);
    expect(daysUntil('2026-11-24', now)).toBe(0);
    expect(daysUntil('2026-11-20', now)).toBe(-4);
    expect(daysUntil('2026-11-25', new Date('2026-11-24T00:00:00Z'))).toBe(1);
  });

  it.each([
    [31, 'ok', 'in 31 days', undefined],
    [30, 'due-30', 'in 30 days', 30],
    [8, 'due-30', 'in 8 days', 30],
    [7, 'due-7', 'in 7 days', 7],
    [2, 'due-7', 'in 2 days', 7],
    [1, 'tomorrow', 'tomorrow', 1],
    [0, 'expired', 'today', 0],
    [-1, 'expired', 'expired 1 day ago', 0],
    [-2, 'expired', 'expired 2 days ago', 0],
  ] as const)('%i days: %s, "%s", reminder %s', (days, state, text, threshold) => {
    expect(expiryState(days)).toBe(state);
    expect(countdown(days)).toBe(text);
    expect(reminderThreshold(state)).toBe(threshold);
  });

  it('reads a date against now', () => {
    expect(expiryOf('2026-11-30', now)).toEqual({ date: '2026-11-30', days: 6, state: 'due-7', countdown: 'in 6 days' });
    expect(expiryOf('2026-11-22', now)).toMatchObject({ state: 'expired', countdown: 'expired 2 days ago' });
  });

  it('refuses dates that do not exist', () => {
    for (const date of ['2026-02-30', '30/11/2026', '2026-1-1', '']) expect(() => expiryOf(date, now), date).toThrow(InputError);
  });
});

describe('token expiry input', () => {
  it('takes 1 to 365 days ahead', () => {
    expect(requireTokenExpiry('2026-11-25', now)).toBe('2026-11-25');
    expect(requireTokenExpiry('2027-11-24', now)).toBe('2027-11-24');
  });
  it('refuses today, the past and more than a year ahead with the dates allowed', () => {
    for (const date of ['2026-11-24', '2026-11-01', '2027-11-25']) {
      expect(() => requireTokenExpiry(date, now), date).toThrow('enter a date from 2026-11-25 to 2027-11-24');
    }
    expect(() => requireTokenExpiry('2026-13-01', now)).toThrow('YYYY-MM-DD');
  });
});

describe('refresh token windows', () => {
  it('dates the idle and absolute lapse from the consent test', () => {
    expect(refreshTokenWindows('2026-11-24T23:30:00.000Z')).toEqual({ issuedAt: '2026-11-24T23:30:00.000Z', idleBy: '2027-02-22', reconsentBy: '2027-11-24' });
  });
  it('refuses a time that is none', () => {
    expect(() => refreshTokenWindows('yesterday')).toThrow(InputError);
  });
});
