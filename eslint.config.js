import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

/**
 * Electron itself and its subpaths (`electron/main`, `electron/renderer`, `electron/common`), and the packages that
 * load it when imported: only the two entry points may, since anything tests load must run without the binary.
 */
// No slash in it: esquery's selector syntax cannot escape one.
const ELECTRON = '^electron(-(store|updater|log))?($|[^a-z-])';
const electronOnly = {
  regex: ELECTRON,
  message:
    'Only src/main/index.ts and src/preload/index.ts touch Electron; pass what you need in through constructors.',
};
const electronCall = {
  message: electronOnly.message,
  selectors: [
    `ImportExpression[source.value=/${ELECTRON}/]`,
    `CallExpression[callee.name="require"][arguments.0.value=/${ELECTRON}/]`,
  ],
};
const noDynamicElectron = electronCall.selectors.map((selector) => ({ selector, message: electronCall.message }));

/** Which other parts of src a part may not import (by folder name in the import path). */
const zone = (message, ...folders) => ({ group: folders.map((f) => `**/${f}/**`), message });
const ZONES = {
  main: zone('Main reaches the window only through the contract (src/shared) and IPC.', 'renderer', 'preload'),
  preload: zone('Preload is the bridge: it imports only src/shared.', 'main', 'renderer'),
  renderer: zone('The renderer talks to main only through window.api.', 'main', 'preload'),
  shared: zone('src/shared imports only src/shared.', 'main', 'renderer', 'preload'),
};

/** Slices hold state and call main: no feature or component code, and no page (DOM) globals. */
const STORE_ZONE = {
  group: ['**/features/**', '**/ui/**'],
  message: 'A slice imports no page code.',
};
const STORE_GLOBALS = ['document', 'window', 'navigator', 'requestAnimationFrame', 'localStorage', 'location'].map(
  (name) => ({ name, message: 'A slice touches no page: a component does, from what the store holds.' }),
);

/** The import rule for a part: its zone, and Electron unless it is an entry point. */
const imports = ({ zone: forbidden, electron = true, paths = [], patterns = [] }) => [
  'error',
  { paths, patterns: [...(electron ? [electronOnly] : []), ...(forbidden ? [forbidden] : []), ...patterns] },
];

/**
 * Words the window shows come from the locale files (src/shared/locales) through i18next's t(), never from a literal.
 * Strings that cannot be UI text pass: no capital letter and no space (ids, class names, MIME types, event names),
 * key names, and strings of only symbols or digits.
 */
export const NO_LITERAL_UI_TEXT = [
  'error',
  {
    mode: 'all',
    'should-validate-template': true,
    words: {
      exclude: [
        '[^A-Z\\s]*',
        '(Enter|Escape|Tab|Home|End|Backspace|Delete|PageUp|PageDown|ArrowUp|ArrowDown|ArrowLeft|ArrowRight|Ctrl|Cmd|Shift|Alt)',
        '[0-9!-/:-@[-`{-~\\s…·×✕‹›–—]+',
        '[A-Z_-]+',
      ],
    },
    callees: {
      exclude: [
        'i18n(ext)?',
        't',
        'require',
        'addEventListener',
        'removeEventListener',
        'postMessage',
        'getElementById',
        'querySelector(All)?',
        'closest',
        'matchMedia',
        'includes',
        'indexOf',
        'endsWith',
        'startsWith',
        'Error',
        'console\\.\\w+',
      ],
    },
  },
];

/** i18next's rule trusts every string in an UPPER_CASE constant; sentence-like text there is refused as well. */
const NO_TEXT_IN_CONSTANTS = ['Literal', 'TemplateElement'].map((node) => ({
  selector: `VariableDeclarator[id.name=/^[A-Z0-9_]+$/] ${node}[${node === 'Literal' ? 'value' : 'value.raw'}=/[A-Z][a-z]+ [a-z]+/]`,
  message: 'UI text comes from the locale files (src/shared/locales) through t().',
}));

/** main's files that hold UI text; the rest of main speaks to logs and to the window in codes and English errors. */
export const MAIN_UI_FILES = [
  'src/main/desktop/menu.ts',
  'src/main/desktop/dialogs.ts',
  'src/main/desktop/stopped-page.ts',
];

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
      'no-restricted-imports': imports({}),
      'no-restricted-syntax': ['error', ...noDynamicElectron],
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
        ...noDynamicElectron,
      ],
    },
  },
  { files: ['src/main/**'], rules: { 'no-restricted-imports': imports({ zone: ZONES.main }) } },
  {
    // What main shows by itself (the menu, native dialogs, the stopped-window page) speaks the locale files too.
    files: MAIN_UI_FILES,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': NO_LITERAL_UI_TEXT,
      'no-restricted-syntax': ['error', ...noDynamicElectron, ...NO_TEXT_IN_CONSTANTS],
    },
  },
  { files: ['src/preload/**'], rules: { 'no-restricted-imports': imports({ zone: ZONES.preload }) } },
  {
    files: ['src/main/index.ts'],
    rules: { 'no-restricted-imports': imports({ zone: ZONES.main, electron: false }), 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/preload/index.ts'],
    rules: {
      'no-restricted-imports': imports({ zone: ZONES.preload, electron: false }),
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': imports({
        zone: ZONES.shared,
        paths: ['react', 'react-dom', 'zustand'],
        patterns: [{ group: ['node:*'], message: 'src/shared runs anywhere: no Node modules.' }],
      }),
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'i18next/no-literal-string': NO_LITERAL_UI_TEXT,
      'no-restricted-syntax': ['error', ...noDynamicElectron, ...NO_TEXT_IN_CONSTANTS],
      'no-restricted-imports': imports({
        zone: ZONES.renderer,
        patterns: [{ group: ['node:*'], message: 'The renderer has no Node.' }],
      }),
    },
  },
  {
    // Tests and test doubles speak English to the code under test; they are not the window's words.
    files: ['src/renderer/**/*.test.{ts,tsx}', 'src/renderer/src/testing/**'],
    rules: { 'i18next/no-literal-string': 'off', 'no-restricted-syntax': ['error', ...noDynamicElectron] },
  },
  {
    // The store holds state and asks main; what the page shows and touches lives in features (README, "How it is built").
    files: ['src/renderer/src/store/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...STORE_GLOBALS],
      'no-restricted-imports': imports({
        zone: ZONES.renderer,
        patterns: [{ group: ['node:*'], message: 'The renderer has no Node.' }, STORE_ZONE],
      }),
    },
  },
  {
    files: ['src/renderer/src/store/chat-*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': imports({
        zone: ZONES.renderer,
        patterns: [STORE_ZONE, { group: ['./history-slice'], message: 'The chat asks history through its actions.' }],
      }),
    },
  },
  {
    files: ['src/renderer/src/store/history-slice.ts'],
    rules: {
      'no-restricted-imports': imports({
        zone: ZONES.renderer,
        patterns: [STORE_ZONE, { group: ['./chat-*'], message: 'History asks the chat through its actions.' }],
      }),
    },
  },
);
