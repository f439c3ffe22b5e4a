import { systemClock, type Clock } from '../core/ports';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock tests move by hand: token lifetimes measured in days run in no time. `sleep` advances it. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-15T09:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  advanceDays(days: number): void {
    this.advance(days * DAY_MS);
  }

  sleep(ms: number): Promise<void> {
    this.advance(ms);
    return Promise.resolve();
  }
}

/**
 * Real time, moved by a whole number of days the caller sets: local mode's demo runs real checks "yesterday"
 * on it, emulator and app on the same clock, then sets it back to now. Sleeps are real.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the clock reads `days` from the real time (negative: in the past; 0: the real time again). */
  shiftDays(days: number): void {
    this.offsetMs = days * DAY_MS;
  }

  sleep(ms: number): Promise<void> {
    return systemClock.sleep(ms);
  }
}
