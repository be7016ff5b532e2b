/** One carriage-return progress line: bar, counts, rate and ETA. */
export function progressLine({
  indexed,
  total,
  rate,
}: {
  indexed: number
  total: number
  rate: number
}): string {
  const width = 30
  const ratio = total > 0 ? Math.min(1, indexed / total) : 1
  const filled = Math.round(ratio * width)
  const eta = rate > 0 ? Math.max(0, (total - indexed) / rate) : 0
  return (
    `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${indexed}/${total} ` +
    `(${Math.round(ratio * 100)}%) ${Math.round(rate)} docs/s, ETA ${eta.toFixed(0)} s   `
  )
}
