import { describe, expect, it } from 'vitest';
import { Progress, type Timers } from './progress';

function fakeTimers() {
  let tick: (() => void) | undefined;
  const timers: Timers = { setInterval: (run) => ((tick = run), 'timer'), clearInterval: () => (tick = undefined) };
  return { timers, tick: () => tick?.(), running: () => tick !== undefined };
}

describe('Progress', () => {
  it('on a terminal, spins in place while a check runs and leaves one line with its mark', () => {
    const written: string[] = [];
    const clock = fakeTimers();
    const progress = new Progress({ tty: true, write: (text) => written.push(text) }, clock.timers);
    progress.start('site acme.atlassian.net');
    clock.tick();
    clock.tick();
    progress.done('✓ site acme.atlassian.net (0.2 s)');
    expect(written).toEqual([
      '\r\u001b[2K⠋ site acme.atlassian.net',
      '\r\u001b[2K⠙ site acme.atlassian.net',
      '\r\u001b[2K⠹ site acme.atlassian.net',
      '\r\u001b[2K✓ site acme.atlassian.net (0.2 s)\n',
    ]);
    expect(clock.running()).toBe(false);
  });

  it('piped, writes only the finished line, with no control characters', () => {
    const written: string[] = [];
    const clock = fakeTimers();
    const progress = new Progress({ tty: false, write: (text) => written.push(text) }, clock.timers);
    progress.start('token ana');
    expect(clock.running()).toBe(false);
    progress.done('✗ token ana (1.0 s)');
    expect(written).toEqual(['✗ token ana (1.0 s)\n']);
  });
});
