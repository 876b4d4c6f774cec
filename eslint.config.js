import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronMain = {
  name: 'electron',
  message:
    'Only src/main/index.ts and src/preload/index.ts touch Electron; pass what you need in through constructors.',
};

/** Syntax an old Node fails to parse: optional chaining, `??`, logical assignment, dynamic import, class fields… */
const NEWER_THAN_ES2019 = [
  'ChainExpression',
  'LogicalExpression[operator="??"]',
  'AssignmentExpression[operator=/^(\\?\\?|\\|\\||&&)=$/]',
  'ImportExpression',
  'PrivateIdentifier',
  'PropertyDefinition',
  'StaticBlock',
  'Literal[bigint]',
];

export default tseslint.config(
  { ignores: ['out', 'dist', 'node_modules', 'test-results', 'playwright-report', 'e2e/output', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [electronMain] }],
    },
  },
  {
    // The Node version check must parse on the old Node it warns about: CommonJS, nothing newer than ES2019.
    files: ['scripts/check-node.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // The typescript-eslint parser reads any syntax, so the newer forms are named here.
      'no-restricted-syntax': [
        'error',
        ...NEWER_THAN_ES2019.map((selector) => ({
          selector,
          message: 'Old Node cannot parse this (newer than ES2019).',
        })),
      ],
    },
  },
  {
    files: ['src/main/index.ts', 'src/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronMain, 'react', 'react-dom', 'zustand'],
          patterns: [
            { group: ['node:*'], message: 'src/shared runs anywhere: no Node modules.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports only src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronMain],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through window.api.' },
          ],
        },
      ],
    },
  },
);
