// ESLint: recommended JavaScript and TypeScript rules; Prettier owns formatting.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * The layers of src/, bottom first. A folder may import its own layer and those below it, never
 * one above: that keeps the folders free of cycles (a plugin may use search; search may not use a
 * plugin). Type-only imports are free, they vanish at run time. `src/env.ts` (the environment,
 * mapped to options in payload.config.ts) is outside the layers.
 */
const LAYERS = [
  ['lib', 'observability'],
  ['access', 'auth', 'db', 'fields', 'ratelimit', 'redis'],
  ['insights', 'jobs', 'media', 'search'],
  ['discovery', 'hooks', 'ingest'],
  ['collections'],
  ['plugins'],
  // The Express host of this app (HTTP guards, ops routes, health): not part of the plugin.
  ['admin', 'app', 'exports', 'host'],
]

const layerRules = LAYERS.slice(0, -1).map((folders, index) => {
  const above = LAYERS.slice(index + 1).flat()
  return {
    files: folders.map((folder) => `src/${folder}/**/*.{ts,tsx}`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
              allowTypeImports: true,
              message: `src/{${folders.join(',')}} is below src/{${above.join(',')}} (see LAYERS in eslint.config.js): move the shared piece down instead.`,
            },
          ],
        },
      ],
    },
  }
})

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'dist/',
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
  ...layerRules,
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests read arbitrary JSON responses.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
)
