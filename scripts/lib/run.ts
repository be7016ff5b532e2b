import { spawn } from 'node:child_process'

/** Runs a command with inherited stdio; resolves with its exit code. */
export function run(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
    })
    child.once('error', reject)
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Runs a command and exits this process with its code when it fails. */
export async function runOrExit(
  command: string,
  args: string[],
  options: Parameters<typeof run>[2] = {},
) {
  const code = await run(command, args, options)
  if (code !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} exited with code ${code}`)
    process.exit(code)
  }
}
