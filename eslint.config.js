// Lint for crm: ESLint's and typescript-eslint's recommended type-aware rules plus a few stricter
// ones that catch real bugs, and the one layering rule dependency-cruiser cannot see (who may use
// the `process` global). The import layering lives in .dependency-cruiser.cjs.
// A rule earns its place here by finding mistakes, not by enforcing taste: formatting and
// style-only rules are left out on purpose.
// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const processMessage =
  'Only src/main.ts touches process: take argv, env, streams or exit through MainDeps / Ctx / IO.';
/**
 * STYLE.md: src/main.ts is the composition root, the only module that touches `process`.
 * A layering rule, but about a global, which dependency-cruiser cannot see; it forbids the
 * `node:process` module instead. test/unit/layering.test.ts checks this block through ESLint.
 */
const onlyMainTouchesProcess = {
  name: 'crm/only-main-touches-process',
  files: ['src/**/*.ts'],
  ignores: ['src/main.ts'],
  rules: {
    // A type such as NodeJS.ProcessEnv is fine: it names no value, so these rules never see it.
    'no-restricted-globals': ['error', { name: 'process', message: processMessage }],
    'no-restricted-properties': [
      'error',
      { object: 'globalThis', property: 'process', message: processMessage },
      { object: 'global', property: 'process', message: processMessage },
    ],
  },
};

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', 'node_modules/', '.vitest-tmp/']),
  // An eslint-disable comment that no longer silences anything fails the lint: delete it.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    name: 'crm/typescript',
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // One program from tsconfig.json: ~13 s for the repo, against ~20 s with projectService.
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // From strict-type-checked, the ones that find bugs rather than enforce taste. Left out:
      // no-unnecessary-condition (every finding here was TypeScript's narrowing being wrong:
      // a `let` set in a callback, an optional RegExp group typed string, a cast from unknown),
      // restrict-template-expressions' strict options (250 numbers in templates, all fine),
      // no-confusing-void-expression and no-misused-spread on strings (taste; the sanitisers
      // iterate code points on purpose).
      '@typescript-eslint/no-deprecated': 'error',
      // With noUncheckedIndexedAccess, `!` is where "cannot be undefined" goes unchecked: narrow,
      // or throw a message that says which invariant broke.
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // `_unused` marks a parameter kept for its position (callbacks, interface implementations).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  onlyMainTouchesProcess,
  {
    name: 'crm/tests',
    files: ['test/**/*.ts'],
    rules: {
      // Tests read `JSON.parse(stdout)` (typed any) and poke at it: the expect() is the check.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // A fixture the test just built is known to be there; a wrong guess fails the test anyway.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain JavaScript (bin shim, scripts, this file): no type information, no TS-only rules.
    name: 'crm/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly',
        clearInterval: 'readonly', performance: 'readonly', structuredClone: 'readonly',
      },
    },
  },
  {
    name: 'crm/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
