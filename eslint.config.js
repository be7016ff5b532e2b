// ESLint: recommended JavaScript and TypeScript rules; Prettier owns formatting.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.cache/',
      'media/',
      'next-env.d.ts',
      'src/migrations/',
      'src/payload-types.ts',
      'src/app/(payload)/',
      'elasticsearch/analysis-plugin/target/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed parameters are deliberately unused (Express error handlers need four).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests read arbitrary JSON responses.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
)
