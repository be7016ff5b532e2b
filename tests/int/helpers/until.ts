/**
 * Polls until `probe` returns something other than undefined; fails with the last observation.
 * The deadline is generous on purpose: it only stops a test that would otherwise hang, and must
 * never fail one because the machine is busy (how fast things happen is measured in bench/).
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 120_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = 'nothing yet'
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined) return value
      last = 'no match'
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what} (${last})`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
