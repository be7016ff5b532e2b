import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import { ROOT } from '../../../scripts/lib/paths'

const exec = promisify(execFile)

export interface Finished {
  code: number
  /** stdout and stderr together. */
  output: string
}

/** Runs a command from the repository root; resolves with its exit code and output, never throws. */
export async function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Finished> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: ROOT,
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 32 * 1024 * 1024,
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    }
  }
}
