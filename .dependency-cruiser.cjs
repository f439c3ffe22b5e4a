/**
 * The layer rules of docs/ARCHITECTURE.md, checked by `npm run lint:layers`. Type-only imports count too
 * (tsPreCompilationDeps): a type pulled from the wrong layer couples the layers as much as a value does.
 * Tests are exempt: a core unit test may start the emulator, that is what it is for.
 */
const notATest = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core runs unchanged in Forge, the CLI, the local server and the UI: no adapter, no emulator, no UI, no Forge SDK, no React.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: notATest },
      to: {
        path: ['^src/(forge|local|emulator)/', '^static/', '(^|/)node_modules/(@forge/|react/|react-dom/)', '^(@forge/|react$|react-dom$)'],
      },
    },
    {
      name: 'emulator-not-local',
      comment: 'The emulator ships on its own (the CLI and tests start it); src/local builds on it, never the other way round.',
      severity: 'error',
      from: { path: '^src/emulator/', pathNot: notATest },
      to: { path: '^src/local/' },
    },
    {
      name: 'atlassian-client-not-checks',
      comment: 'The Atlassian client sits below the checks: what both need (CheckDeps) lives in src/core/ports.ts.',
      severity: 'error',
      from: { path: '^src/core/atlassian/', pathNot: notATest },
      to: { path: '^src/core/checks/' },
    },
    {
      name: 'ui-reaches-only-core',
      comment:
        'The UI runs in the browser and talks to resolvers through the bridge: from src/ it may import pure core modules and the contract src/forge/api.ts, nothing else.',
      severity: 'error',
      from: { path: '^static/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/forge/api\\.ts$'] },
    },
    {
      name: 'ui-contract-types-only',
      comment: 'src/forge/api.ts sits in the Forge layer: the UI takes only its types (import type), so no resolver code reaches the bundle.',
      severity: 'error',
      from: { path: '^static/' },
      to: { path: '^src/forge/api\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood, tested or moved alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^static/build/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
