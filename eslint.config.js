import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // Electron exists only inside the shell: everything else runs under plain Node (tests, CLI,
    // browser mode), where require('electron') throws.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'electron-updater'] }] },
  },
  {
    // The core runs under plain Node and in tests: it must never reach for Electron.
    files: ['src-main/core/**', 'src-main/db/**', 'migrations/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'electron-updater'], patterns: ['**/electron/**'] }] },
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
