import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instantClock } from '../../core/atlassian/testing';
import { DEMO_ACCOUNTS, startEmulator, type Emulator } from '../../emulator';
import { emulatorPeople } from './emulator-people';

let emulator: Emulator;
let people: ReturnType<typeof emulatorPeople>;
const clock = instantClock(new Date());

beforeAll(async () => {
  emulator = await startEmulator();
  people = emulatorPeople(emulator.hosts, (url, init) => fetch(url, init), { clock, timeoutMs: 1500 });
});
afterEach(() => emulator.faults.clear());
afterAll(async () => {
  await emulator.close();
});

const ana = DEMO_ACCOUNTS.admin.accountId;
const CHECK = /permissions\/check$/;
const MYSELF = /myself$/;

describe('the admin check and /myself in local mode', () => {
  it.each(['429', '503', '500'] as const)('asks again once after a %s', async (kind) => {
    emulator.faults.add({ pattern: CHECK, kind, times: 1, retryAfter: 1 });
    emulator.faults.add({ pattern: MYSELF, kind, times: 1, retryAfter: 1 });
    expect(await people.permissions.isJiraAdmin(ana)).toBe(true);
    expect(await people.directory.person(ana)).toMatchObject({ displayName: DEMO_ACCOUNTS.admin.displayName });
    expect(
      emulator.requests
        .filter((r) => CHECK.test(r.path) || MYSELF.test(r.path))
        .slice(-4)
        .map((r) => r.status),
    ).toEqual([Number(kind), 200, Number(kind), 200]);
    // Retry-After where the answer has one (the recorded 429 and 503 do), else a short wait.
    expect(clock.slept.at(-1)).toBe(kind === '500' ? 250 : 1000);
  });

  it('asks only twice, and then fails rather than call an admin a regular user', async () => {
    emulator.faults.add({ pattern: CHECK, kind: '503', times: 2 });
    await expect(people.permissions.isJiraAdmin(ana)).rejects.toThrow('HTTP 503');
    expect(await people.permissions.isJiraAdmin(ana)).toBe(true);
  });

  it('gives up on a hung emulator within its timeout, naming what got no answer', async () => {
    emulator.faults.add({ pattern: MYSELF, kind: 'hang', times: 1 });
    const started = Date.now();
    await expect(people.directory.person(ana)).rejects.toThrow('Jira /myself got no answer within 1500 ms');
    // Bounded by the timeout, not by the hang (generous: a loaded 2-core machine answers slowly).
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
