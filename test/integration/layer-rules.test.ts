/**
 * The layer rules of .dependency-cruiser.cjs bite: a tiny tree that breaks each rule once, beside imports
 * every rule allows, is cruised with the project's own configuration and each break is reported, nothing else.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Inside the repo, so `@forge/api` and `react` resolve to node_modules as they do for the real tree. */
const OUTPUT = resolve('test-output');

const TREE: Record<string, string> = {
  'src/core/pure.ts': `import { helper } from './cycle-a';\nexport const ok = helper;\n`,
  'src/core/cycle-a.ts': `import { other } from './cycle-b';\nexport const helper = other;\n`,
  'src/core/cycle-b.ts': `import { helper } from './cycle-a';\nexport const other = () => helper;\n`,
  'src/core/uses-forge.ts': `import '@forge/api';\n`,
  'src/core/uses-react.ts': `import 'react';\n`,
  'src/core/uses-emulator.ts': `import '../emulator/server';\n`,
  // A test beside a core file may start the emulator: tests are no layer.
  'src/core/uses-emulator.test.ts': `import '../emulator/server';\n`,
  'src/core/ports.ts': `export interface Deps { fetch: unknown }\n`,
  'src/core/checks/deps.ts': `export interface CheckDeps { fetch: unknown }\n`,
  'src/core/atlassian/request.ts': `import type { Deps } from '../ports';\nimport type { CheckDeps } from '../checks/deps';\nexport type Both = Deps & CheckDeps;\n`,
  'src/emulator/server.ts': `import '../local/listen';\nimport '../net/listen';\n`,
  'src/net/listen.ts': `export const listen = 1;\n`,
  'src/local/listen.ts': `export const listen = 1;\n`,
  'src/forge/api.ts': `export interface Contract { key: string }\nexport const RESOLVERS = ['a'];\n`,
  'src/forge/resolver.ts': `export const resolver = 1;\n`,
  'static/page.ts': `import type { Contract } from '../src/forge/api';\nimport { ok } from '../src/core/pure';\nimport 'react';\nexport const page: Contract = { key: String(ok) };\n`,
  'static/takes-a-value.ts': `import { RESOLVERS } from '../src/forge/api';\nexport const first = RESOLVERS[0];\n`,
  'static/takes-a-resolver.ts': `import '../src/forge/resolver';\n`,
};

let root = '';
let result: ICruiseResult;

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  root = await mkdtemp(join(OUTPUT, 'layer-rules-'));
  for (const [path, text] of Object.entries(TREE)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  const options = await extractDepcruiseOptions(resolve('.dependency-cruiser.cjs'));
  // The fixture has no tsconfig of its own; plain relative imports need none.
  delete options.tsConfig;
  const output = await cruise(['src', 'static'], { ...options, baseDir: root });
  if (typeof output.output === 'string') throw new Error('dependency-cruiser gave text, not a result');
  result = output.output;
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('layer rules', () => {
  it('reports each deliberate violation under its rule, and nothing the rules allow', () => {
    const found = result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${shortened(violation.to)}`).sort();
    expect(found).toEqual(
      [
        'atlassian-client-not-checks: src/core/atlassian/request.ts → src/core/checks/deps.ts',
        'core-is-pure: src/core/uses-emulator.ts → src/emulator/server.ts',
        'core-is-pure: src/core/uses-forge.ts → node_modules/@forge/api',
        'core-is-pure: src/core/uses-react.ts → node_modules/react',
        'emulator-not-local: src/emulator/server.ts → src/local/listen.ts',
        'no-circular: src/core/cycle-a.ts → src/core/cycle-b.ts',
        'ui-contract-types-only: static/takes-a-value.ts → src/forge/api.ts',
        'ui-reaches-only-core: static/takes-a-resolver.ts → src/forge/resolver.ts',
      ].sort(),
    );
    expect(result.summary.error).toBe(found.length);
  });
});

/** `../../node_modules/react/index.js` → `node_modules/react`: where the package sits depends on the fixture's folder. */
function shortened(to: string): string {
  const inPackages = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(to);
  return inPackages ? `node_modules/${inPackages[1]}` : to;
}
