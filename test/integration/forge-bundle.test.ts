/**
 * What `forge deploy` would bundle: the Forge entry point must pull in only the app (src/forge), the core and
 * its runtime packages — never the local server, the CLI, the emulator or the UI.
 */
import { relative } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const RUNTIME_PACKAGES = ['@forge/api', '@forge/kvs', '@forge/resolver', 'zod', 'node:crypto'];

async function bundleForgeEntry(): Promise<Rollup.OutputChunk> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: 'src/forge/index.ts', write: false, target: 'node22' },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
  expect(chunks).toHaveLength(1);
  return chunks[0]!;
}

describe('Forge bundle', () => {
  it('holds only the app and the core, and needs only Forge packages, zod and Node built-ins', async () => {
    const chunk = await bundleForgeEntry();
    const files = Object.keys(chunk.modules).map((id) => relative(process.cwd(), id));
    expect(files.every((file) => file.startsWith('src/forge/') || file.startsWith('src/core/'))).toBe(true);
    expect(files).toContain('src/forge/resolvers/saveConnection.ts');
    expect(chunk.imports.every((name) => RUNTIME_PACKAGES.includes(name))).toBe(true);
    expect(chunk.exports).toEqual(expect.arrayContaining(['handler', 'recheck']));
  });
});
