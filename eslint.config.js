import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The club's dates are America/Toronto's, not UTC's: after 19:00 in winter UTC is already tomorrow. */
const noUtcCalendarDate = {
  selector: "CallExpression[callee.property.name=/^(slice|substring|split)$/][callee.object.callee.property.name='toISOString']",
  message: 'A UTC instant cut to a date is tomorrow every evening: use businessDate() or addDays() from src-shared/dates.ts.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'data/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['src-shared/dates.ts'],
    rules: { 'no-restricted-syntax': ['error', noUtcCalendarDate] },
  },
  {
    // Electron exists only inside the shell: everything else runs under plain Node (tests, CLI,
    // browser mode), where require('electron') throws.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'electron-updater'] }] },
  },
  {
    // The core runs under plain Node and in tests: it never reaches for Electron, nor for HTTP
    // (the transports carry the core, not the reverse).
    files: ['src-main/core/**', 'src-main/db/**', 'migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-updater', 'fastify', 'node:http', 'node:https', 'http', 'https'],
          patterns: ['**/electron/**', '**/web/**', '**/api/**'],
        },
      ],
    },
  },
  {
    // Shared code runs on the desk, in the renderer and on the server: it imports other shared
    // files and a few pure, portable libraries (zod; libphonenumber-js for phones; cmpstr for
    // string similarity), nothing else (no Node, no DOM, no SQL, no Electron, no React).
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|libphonenumber-js(/.*)?$|cmpstr$|\\.{1,2}/)', message: 'Shared code imports only zod, libphonenumber-js, cmpstr and other shared files.' },
            { regex: 'src-(main|renderer|server)', message: 'Shared code imports only other shared files.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'navigator', 'localStorage', 'require', 'fetch', '__dirname'],
    },
  },
  {
    // Only the ledger opens write transactions (commitWrite, commitBatch, commitSetup), so every
    // change to the desk's data is one logged operation. Tests and benchmarks may set the scene.
    files: ['src-main/**', 'scripts/**', 'bin/**'],
    ignores: ['src-main/core/ledger/**', 'src-main/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='transaction'], ObjectPattern > Property[key.name='transaction']",
          message: 'Only the ledger opens write transactions: use commitWrite, or commitBatch for several writes.',
        },
        {
          selector: "MemberExpression[property.name='rawDatabase']",
          message: 'The raw database handle is for db/ and the ledger (maintenance, integrity, backups) only.',
        },
        noUtcCalendarDate,
      ],
    },
  },
  {
    // The renderer talks to the core only through the contract: it may import its types, never
    // main-process code (which would also drag Node modules into the browser bundle).
    files: ['src-renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-main/**'], allowTypeImports: true, message: 'Types only: the renderer reaches the core through src-main/api.' }] },
      ],
    },
  },
);
