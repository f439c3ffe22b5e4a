import { describe, expect, it } from 'vitest';
import { runDependencyBench } from '../../bench/deps';
import manifest from '../../package.json';

describe('dependency bench', () => {
  it('lists every runtime dependency with the version installed', async () => {
    const lines: string[] = [];
    const result = await runDependencyBench((line) => lines.push(line));
    expect(result.direct.map((d) => d.name)).toEqual(Object.keys(manifest.dependencies));
    for (const dep of result.direct) expect(dep.installed, dep.name).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.transitive).toBeGreaterThanOrEqual(result.direct.length);
    expect(lines[0]).toMatch(/^Runtime dependencies \(\d+ direct, \d+ packages installed for production in all\):$/);
  });
});
