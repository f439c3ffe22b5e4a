/**
 * The runtime dependencies, as installed: what the Forge bundle and the CLI ship with. Read from
 * package.json, node_modules and package-lock.json, so it needs no network (the registry's audit endpoint
 * is not reachable everywhere this runs); compare with `npm outdated` where the registry is.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DependencyBenchResult {
  direct: { name: string; wanted: string; installed: string }[];
  /** Packages the lock file installs for production, direct and transitive. */
  transitive: number;
}

interface PackageJson {
  version?: string;
  dependencies?: Record<string, string>;
}

interface LockFile {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

export async function runDependencyBench(log: (line: string) => void = console.log, root = '.'): Promise<DependencyBenchResult> {
  const manifest = await readJson<PackageJson>(join(root, 'package.json'));
  const direct = await Promise.all(
    Object.entries(manifest.dependencies ?? {}).map(async ([name, wanted]) => {
      const installed = await readJson<PackageJson>(join(root, 'node_modules', name, 'package.json')).then(
        (pkg) => pkg.version ?? '?',
        () => 'not installed',
      );
      return { name, wanted, installed };
    }),
  );
  const lock = await readJson<LockFile>(join(root, 'package-lock.json'));
  const transitive = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional).length;
  log(`Runtime dependencies (${direct.length} direct, ${transitive} packages installed for production in all):`);
  for (const dep of direct) log(`  ${dep.name.padEnd(18)} ${dep.installed.padEnd(14)} (package.json ${dep.wanted})`);
  return { direct, transitive };
}
