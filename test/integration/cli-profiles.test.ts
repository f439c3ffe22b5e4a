/** Profiles as files vendors ship: `scope-doctor profiles validate` and `profiles show`. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinProfiles } from '../../src/core/profiles';
import { runScopeDoctor } from '../support/cli';

const cli = (args: string[]) => runScopeDoctor(['profiles', ...args]);

describe('scope-doctor profiles validate', () => {
  it.each(builtinProfiles.map((p) => [p.id]))('passes the exported profiles/%s.json (exit 0)', async (id) => {
    const run = await cli(['validate', `profiles/${id}.json`]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`✓ Valid profile ${id}:`);
  });

  it('lists every problem of a broken file on its own line, exit 1', async () => {
    const run = await cli(['validate', 'test/fixtures/doctor/broken-profile.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ id: id must be kebab-case, e.g. acme-sync');
    expect(run.stdout).toContain('✗ capabilities[0].scopes[0]: unknown scope "read:sprnt:jira-software" (did you mean read:sprint:jira-software?)');
  });

  it('fails a file whose own vendorScopes miss what a required capability needs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const file = join(dir, 'short.json');
    const capabilities = [{ name: 'Read boards', operations: [{ method: 'GET', path: '/rest/agile/1.0/board' }] }];
    await writeFile(
      file,
      JSON.stringify({ id: 'short-list', name: 'Short', vendor: 'Acme', tokenKind: 'oauth', vendorScopes: ['read:project:jira'], capabilities }),
    );
    const run = await cli(['validate', file, '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { profileId: string; results: { status: string; fix?: string }[] };
    expect(json.profileId).toBe('short-list');
    expect(json.results[1]).toMatchObject({
      status: 'fail',
      fix: 'Add read:board-scope:jira-software to vendorScopes, or correct the capabilities that need them',
    });
  });

  it('refuses a file it cannot read in one line (exit 2)', async () => {
    const run = await cli(['validate', 'no/such/file.json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('scope-doctor profiles show', () => {
  it('spells out capabilities → operations → scope sets', async () => {
    const run = await cli(['show', 'kendis-cloud-oauth']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const boards = lines.indexOf('  View boards, backlogs, and related items  [required]');
    expect(lines.slice(boards + 1, boards + 3)).toEqual([
      '    GET /rest/agile/1.0/board  (getAllBoards)',
      '      granular: read:board-scope:jira-software + read:project:jira',
    ]);
    expect(run.stdout).toContain('[likely: ask Kendis whether it');
  });

  it('reads a file too, and gives JSON with every set', async () => {
    const run = await cli(['show', 'profiles/targetprocess.json', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { id: string; capabilities: { operations: { scopeSets: { kind: string }[] }[] }[] };
    expect(json.id).toBe('targetprocess');
    expect(json.capabilities.flatMap((c) => c.operations).every((op) => op.scopeSets.length > 0)).toBe(true);
  });

  it('refuses an unknown id and a missing argument (exit 2)', async () => {
    const runs = await Promise.all([cli(['show', 'nope']), cli(['show']), cli(['frobnicate'])]);
    for (const run of runs) expect(run.code).toBe(2);
  });
});
