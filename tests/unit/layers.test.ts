/**
 * The layering lint rule (LAYERS in eslint.config.js) refuses an import from a lower folder into a
 * higher one and lets the other direction, and type-only imports, through.
 */
import { describe, expect, it } from '@jest/globals'
import { ESLint } from 'eslint'

const eslint = new ESLint()
const layerErrors = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
}

describe('folder layers', () => {
  it('refuse a lower folder importing a higher one', async () => {
    const errors = await layerErrors(
      'src/search/probe.ts',
      "import { searchSync } from '../plugins/searchSync'\nexport const probe = searchSync\n",
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toContain('LAYERS')
  })

  it('let a higher folder import a lower one, and types cross freely', async () => {
    expect(
      await layerErrors(
        'src/plugins/probe.ts',
        "import { syncTarget } from '../search/sync'\nexport const probe = syncTarget\n",
      ),
    ).toEqual([])
    expect(
      await layerErrors(
        'src/search/deeper/probe.ts',
        "import type { SearchSyncOptions } from '../../plugins/searchSync/types'\nexport type Probe = SearchSyncOptions\n",
      ),
    ).toEqual([])
  })
})
