/**
 * Bundles the app the way `forge deploy` does: the manifest's function handlers become entry points for
 * @forge/bundler's Node bundler (webpack + ts-loader with the app's tsconfig.json). Run it with the app folder
 * as the working directory. Prints one JSON line: { outputDir, handlers, warnings, dependencies } (handlers:
 * the manifest's, as { module, func }; dependencies: the packages the app's own files import); on failure, the
 * bundler's message on stderr and exit code 1.
 *
 * The Forge CLI downloads the runtime wrapper from a CDN; a stand-in provider answers instead, so nothing
 * leaves the machine. Nothing logs in: keytar (credentials) is never loaded, and @forge/cli-shared requires it
 * lazily inside a try/catch, so its native part, never built here, cannot matter.
 */
'use strict';
const { ConfigFile, FileSystemReader, FileSystemWriter } = require('@forge/cli-shared');
const { getEntryPoints, getNodeBundler } = require('@forge/bundler');

const warnings = [];
const logger = {
  traceEnabled: false,
  debugEnabled: false,
  trace() {},
  debug() {},
  info() {},
  warn: (message) => warnings.push(message),
  error: (error) => warnings.push(String(error)),
};

const standIn = (name) => ({ script: `// stand-in ${name}\n`, source: `stand-in:${name}`, version: 'stand-in' });
const wrapperProvider = {
  getNodeRuntimeWrapper: async () => standIn('wrapper'),
  getNodeRuntimeLoader: async () => standIn('loader'),
};

async function main() {
  const config = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
  const handlers = await config.getAppHandlers();
  const entryPoints = getEntryPoints(handlers);
  const output = await getNodeBundler(logger, wrapperProvider, config).bundle({ appDirectory: process.cwd(), entryPoints });
  const dependencies = [...(output.metadata?.dependencies ?? [])].sort();
  process.stdout.write(`${JSON.stringify({ outputDir: output.outputDir, handlers, warnings, dependencies })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
