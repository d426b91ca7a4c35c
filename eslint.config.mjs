import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'lib/generated/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    '.data/**',
    '.tmp/**',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Type-aware checks that catch real bugs: unawaited promises and promises passed where none belong.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Links and redirects go through next-intl's helpers (lib/i18n/navigation.ts), which add the reader's locale:
    // a hand-made `/${locale}/…` is easy to get wrong and cannot follow a change of routing.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['lib/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next/link', message: 'Use Link from @/lib/i18n/navigation (href without the locale).' },
            {
              name: 'next/navigation',
              importNames: ['redirect', 'permanentRedirect', 'useRouter', 'usePathname'],
              message:
                'Use redirect, permanentRedirect, useRouter or usePathname from @/lib/i18n/navigation (paths without the locale).',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser tests open contexts through the `newContext` fixture (tests/e2e/fixtures.ts), which watches their pages
    // for console errors, page errors and invalid server HTML; a context opened on `browser` directly would not be.
    files: ['tests/e2e/**/*.ts'],
    ignores: ['tests/e2e/fixtures.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='browser'][property.name=/^new(Context|Page)$/]",
          message: 'Use the `newContext` fixture of tests/e2e/fixtures.ts: its pages are checked for errors.',
        },
      ],
    },
  },
]);
