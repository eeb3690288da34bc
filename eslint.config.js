import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/.next/**', 'apps/next-example/next-env.d.ts', '**/node_modules/**', '**/storybook-static/**', '**/coverage/**', '**/mockServiceWorker.js', 'bench/.out/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['packages/react/src/**/*.{ts,tsx}', 'apps/**/*.{ts,tsx}', '.storybook/**/*.{ts,tsx}', 'e2e/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The face detector's kernels and decoder index typed arrays in bounds by construction, in hot loops where a
    // `?? 0` on every read would cost; the non-null assertion says so without a runtime check. This folder only.
    files: ['packages/react/src/guidance/detector/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Classic scripts the demo serves as they are, run in the page before any module.
    files: ['apps/demo/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    // Core is framework-free and must not reach for React or browser globals at import.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react-webcam', '@tanstack/*', '@biometric-login/*'] }],
    },
  },
  {
    // Packages import each other through entry points, never through another package's src/.
    files: ['packages/**/*.{ts,tsx}', 'apps/**/*.{ts,tsx}'],
    ignores: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/packages/*/src/**', '../../*/src/**', '**/apps/**'] }],
    },
  },
);
