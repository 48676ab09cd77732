// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated or vendored code is rewritten by the build; the layer-rules fixture keeps odd imports on purpose.
    ignores: ['cloudfunctions/', 'miniprogram/miniprogram_npm/', 'miniprogram/generated/', '.data/', '.data-*/', 'coverage/', 'docs/screenshots/', 'test/fixtures/layers/'],
  },
  js.configs.recommended,
  // Syntax-only: the type-checked rules cost 55-90 s of CPU on this tree, the whole lint budget,
  // and found nothing `tsc` and these rules miss but fire-and-forget wx.* calls.
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `== null` is the one loose comparison worth keeping: it means null or undefined.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // `new Error(message, { cause })` needs lib ES2022; the tsconfigs stop at ES2020, so rethrows copy the message.
      'preserve-caught-error': 'off',
    },
  },
  {
    // WeChat's event generics take `{}` for "no mark, no dataset": the typings' own idiom.
    files: ['miniprogram/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
  {
    // Tests and benches read raw JSON answers, and load pages with require() after faking `wx`.
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts', 'scripts/screenshots/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Plain JavaScript (jest and dependency-cruiser configs) is CommonJS run by Node.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Last: turns off every rule that would argue with prettier's layout.
  prettier,
);
