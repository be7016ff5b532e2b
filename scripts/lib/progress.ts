/** One carriage-return progress line: bar, counts, rate and ETA. */
export function progressLine({
  indexed,
  total,
  rate,
  unit = 'docs',
}: {
  indexed: number
  total: number
  rate: number
  unit?: string
}): string {
  const width = 30
  const ratio = total > 0 ? Math.min(1, indexed / total) : 1
  const filled = Math.round(ratio * width)
  return (
    `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${indexed}/${total} ` +
    `(${Math.round(ratio * 100)}%) ${Math.round(rate)} ${unit}/s, ETA ${eta(indexed, total, rate)} s   `
  )
}

/** One plain line for logs that are not a terminal (CI, Kubernetes Job logs). */
export function progressLogLine(
  label: string,
  { indexed, total, rate, unit = 'docs' }: Parameters<typeof progressLine>[0],
): string {
  const percent = Math.round((total > 0 ? Math.min(1, indexed / total) : 1) * 100)
  return (
    `${label}: ${indexed}/${total} (${percent}%), ${Math.round(rate)} ${unit}/s, ` +
    `ETA ${eta(indexed, total, rate)} s\n`
  )
}

function eta(indexed: number, total: number, rate: number): string {
  return (rate > 0 ? Math.max(0, (total - indexed) / rate) : 0).toFixed(0)
}

export interface ProgressReporter {
  update(done: number, total: number): void
  /** Ends the bar's line (terminal) or prints the last count if it was not printed yet. */
  finish(): void
}

export interface ProgressOptions {
  /** What is counted, for the plain lines: `indexing`, `seeding programs`. */
  label: string
  /** Per-second unit. @default 'docs' */
  unit?: string
  /** @default process.stderr */
  stream?: { isTTY?: boolean; write(text: string): unknown }
  /** How often a plain line is printed when the stream is not a terminal. @default 5000 */
  intervalMs?: number
  now?: () => number
}

/**
 * Progress for a long step: a redrawn bar on a terminal; elsewhere (CI, `kubectl logs`, a file)
 * carriage returns would pile up into one unreadable line, so a plain line is printed at the
 * start, then at most every `intervalMs`, and at the end.
 */
export function progressReporter({
  label,
  unit = 'docs',
  stream = process.stderr,
  intervalMs = 5000,
  now = Date.now,
}: ProgressOptions): ProgressReporter {
  const started = now()
  let lastPrinted = -Infinity
  let last: { done: number; total: number } | null = null
  let printedLast = true
  const line = (done: number, total: number) => {
    const seconds = (now() - started) / 1000
    return { indexed: done, total, rate: seconds > 0 ? done / seconds : 0, unit }
  }
  return {
    update(done, total) {
      last = { done, total }
      if (stream.isTTY) {
        stream.write(progressLine(line(done, total)))
        printedLast = false
        return
      }
      const time = now()
      if (time - lastPrinted >= intervalMs || done >= total) {
        stream.write(progressLogLine(label, line(done, total)))
        lastPrinted = time
        printedLast = true
      } else {
        printedLast = false
      }
    },
    finish() {
      if (!last) return
      if (stream.isTTY) {
        if (!printedLast) stream.write('\n')
      } else if (!printedLast) {
        stream.write(progressLogLine(label, line(last.done, last.total)))
      }
      printedLast = true
    },
  }
}
