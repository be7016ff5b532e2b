/**
 * Command-line parsing for the scripts: `--help` prints usage, options and examples and exits 0
 * before the script loads anything (no connection, no write); a mistake (unknown option, missing
 * value, wrong number of arguments) prints a one-line reason and the usage and exits 2, never a
 * stack trace. Built on node:util's parseArgs.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  default?: string | boolean
  /** One line for --help. */
  description: string
  /** The value's placeholder in --help (`<slug>`); string options only. */
  value?: string
}

export interface CliSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** How users run it: `npm run ingest --`. */
  command: string
  /** What it does, a sentence or two. */
  summary: string
  /** Positional arguments as shown in the usage line: `<url-or-file>`; '' when none. */
  args?: string
  /** How many positional arguments it takes. @default { min: 0, max: 0 } */
  positionals?: { min: number; max: number }
  options?: O
  /** Example invocations, each with what it does after a `#`. */
  examples?: readonly string[]
  /** A closing paragraph (environment variables, exit codes, ...). */
  notes?: string
  /**
   * Pass unknown options and arguments through untouched (`npm test` forwards them to jest);
   * only --help is read.
   */
  passThrough?: boolean
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['default'] extends string
      ? string
      : string | undefined
}

export type CliOutcome<O extends Record<string, OptionSpec>> =
  | { kind: 'help'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'run'; values: Values<O>; positionals: string[] }

const HELP_FLAGS = new Set(['--help', '-h'])

/** The usage line: `usage: npm run ingest -- <url-or-file> [options]`. */
function usageLine(spec: CliSpec<Record<string, OptionSpec>>): string {
  const hasOptions = spec.passThrough || Object.keys(spec.options ?? {}).length > 0
  return ['usage:', spec.command, spec.args, hasOptions ? '[options]' : '']
    .filter(Boolean)
    .join(' ')
}

/** The whole --help text. */
export function helpText(spec: CliSpec<Record<string, OptionSpec>>): string {
  const rows: [string, string][] = Object.entries(spec.options ?? {}).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}`
    const value = option.type === 'string' ? ` ${option.value ?? '<value>'}` : ''
    const fallback = option.default !== undefined && option.type === 'string'
    return [flag + value, option.description + (fallback ? ` (default: ${option.default})` : '')]
  })
  rows.push(['-h, --help', 'Print this help and exit.'])
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2
  const lines = [usageLine(spec), '', spec.summary, '', 'options:']
  for (const [flag, description] of rows) lines.push(`  ${flag.padEnd(width)}${description}`)
  if (spec.examples?.length) {
    lines.push('', 'examples:')
    for (const example of spec.examples) lines.push(`  ${example}`)
  }
  if (spec.notes) lines.push('', spec.notes)
  return lines.join('\n') + '\n'
}

function errorText(spec: CliSpec<Record<string, OptionSpec>>, reason: string): string {
  return `✗ ${reason}\n${usageLine(spec)}\n  (run with --help for the options)\n`
}

/** What the command line asks for; pure, so it can be tested without exiting. */
export function interpretCli<O extends Record<string, OptionSpec>>(
  spec: CliSpec<O>,
  argv: string[],
): CliOutcome<O> {
  const end = argv.indexOf('--')
  if (argv.slice(0, end === -1 ? undefined : end).some((arg) => HELP_FLAGS.has(arg))) {
    return { kind: 'help', text: helpText(spec) }
  }
  if (spec.passThrough) return { kind: 'run', values: {} as Values<O>, positionals: argv }

  const options = Object.fromEntries(
    Object.entries(spec.options ?? {}).map(([name, { type, short, default: fallback }]) => [
      name,
      {
        type,
        ...(short ? { short } : {}),
        ...(fallback !== undefined ? { default: fallback } : {}),
      },
    ]),
  ) as NonNullable<ParseArgsConfig['options']>
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    return { kind: 'error', text: errorText(spec, readableParseError(error as Error)) }
  }
  const { min, max } = spec.positionals ?? { min: 0, max: 0 }
  const count = parsed.positionals.length
  if (count < min) {
    return { kind: 'error', text: errorText(spec, `missing argument: ${spec.args ?? ''}`.trim()) }
  }
  if (count > max) {
    const extra = parsed.positionals.slice(max).map((arg) => JSON.stringify(arg))
    return { kind: 'error', text: errorText(spec, `unexpected argument ${extra.join(' ')}`) }
  }
  return { kind: 'run', values: parsed.values as Values<O>, positionals: parsed.positionals }
}

/** parseArgs' messages, shortened to what the user typed and what to do instead. */
function readableParseError(error: Error): string {
  const code = (error as Error & { code?: string }).code
  const option = /'(-{1,2}[^'\s]+)/.exec(error.message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(error.message)
      ? `option ${option} needs a value`
      : `option ${option} takes no value`
  }
  return error.message.split('\n')[0]
}

/**
 * Reads the script's command line: prints help and exits 0, or prints the mistake and exits 2, or
 * returns the options and arguments. Call it before importing anything that connects or writes.
 */
export function parseCli<O extends Record<string, OptionSpec>>(
  spec: CliSpec<O>,
  argv: string[] = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const outcome = interpretCli(spec, argv)
  if (outcome.kind === 'help') {
    process.stdout.write(outcome.text)
    process.exit(0)
  }
  if (outcome.kind === 'error') {
    process.stderr.write(outcome.text)
    process.exit(2)
  }
  return outcome
}

/** A usage mistake found after parsing (a bad option value): same output and exit code. */
export function usageError(spec: CliSpec<Record<string, OptionSpec>>, reason: string): never {
  process.stderr.write(errorText(spec, reason))
  process.exit(2)
}
