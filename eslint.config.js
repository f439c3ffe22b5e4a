// ESLint for the whole tree (`npm run lint`): typescript-eslint's type-checked rules on every TypeScript
// file, React's hooks rules on the UI. The layer rules are dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['static/build/', 'test-output/', '.scope-doctor/', 'tools/forge-bundler/node_modules/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        // The two vitest configs are outside tsconfig.json's include; they get a default project.
        projectService: { allowDefaultProject: ['vitest.config.ts', 'vitest.heavy.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its error; `void` marks the few that are fire-and-forget on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A switch over a union names every member, so a new status or kind cannot slip through a default.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // `const { secret: _secret, ...safe } = x` is how this code drops a field; `_` marks it unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Port methods and resolver handlers are async without an await on purpose: they keep the promised
      // signature, and a throw inside becomes a rejection the caller handles like any other.
      '@typescript-eslint/require-await': 'off',
      // Input checks look for control characters on purpose (a pasted token or URL must not carry them).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any` and belong inside
      // the objects given to toEqual and toMatchObject.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Plain JavaScript (the CLI launcher, build tools, these configs) has no types to check.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // In CommonJS (the Forge bundler's webpack config, this repo's dependency-cruiser config) require is the module system.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['static/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
    rules: {
      // The two effects that set state do so on purpose: useResolver loads on mount (its state is set after
      // the await, which the rule cannot see through the callback), and the personal page prefills the email
      // field once the context names the person, leaving what they typed alone.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
]);
