/**
 * CPU time and memory of processes and of the whole machine, read from Linux /proc. Benchmarks here
 * share their machine with Elasticsearch, Redis, Postgres and whatever else runs, so they record
 * how much CPU the measured process used per request and how busy everything else was.
 */
import { readdir, readFile } from 'node:fs/promises'
import { loadavg } from 'node:os'

/** /proc reports CPU time in USER_HZ, which Linux fixes at 100 ticks per second for userspace. */
const TICKS_PER_SECOND = 100

export interface CpuSnapshot {
  at: number
  /** CPU seconds used by each watched process since it started. */
  processes: Record<number, number>
  /** Machine-wide CPU seconds, summed over cores: busy (user, nice, system, irq) and in total. */
  busy: number
  total: number
}

async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_SECOND
}

export async function cpuSnapshot(pids: number[] = []): Promise<CpuSnapshot> {
  const machine = await readFile('/proc/stat', 'utf8')
  const [user, nice, system, idle, iowait, irq, softirq, steal] = machine
    .split('\n')[0]!
    .split(/\s+/)
    .slice(1, 9)
    .map(Number) as [number, number, number, number, number, number, number, number]
  const processes: Record<number, number> = {}
  for (const pid of pids) processes[pid] = await processCpuSeconds(pid)
  return {
    at: performance.now(),
    processes,
    busy: (user + nice + system + irq + softirq) / TICKS_PER_SECOND,
    total: (user + nice + system + idle + iowait + irq + softirq + steal) / TICKS_PER_SECOND,
  }
}

/** CPU seconds used so far by every process on the machine, with its command line. */
export async function processTable(): Promise<
  Map<number, { command: string; cpuSeconds: number }>
> {
  const table = new Map<number, { command: string; cpuSeconds: number }>()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const pid = Number(entry)
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (!cmdline) continue // kernel threads, or gone already
    table.set(pid, {
      command: cmdline.replaceAll('\0', ' ').trim().slice(0, 120),
      cpuSeconds: await processCpuSeconds(pid),
    })
  }
  return table
}

/** The processes that used the most CPU between two process tables. */
export function busiestProcesses(
  before: Awaited<ReturnType<typeof processTable>>,
  after: Awaited<ReturnType<typeof processTable>>,
  count = 6,
) {
  return [...after]
    .map(([pid, { command, cpuSeconds }]) => ({
      pid,
      command,
      cpuSeconds: Math.round((cpuSeconds - (before.get(pid)?.cpuSeconds ?? 0)) * 100) / 100,
    }))
    .sort((a, b) => b.cpuSeconds - a.cpuSeconds)
    .slice(0, count)
}

/** CPU seconds `pid` used between two snapshots. */
export const cpuSecondsOf = (pid: number, before: CpuSnapshot, after: CpuSnapshot) =>
  (after.processes[pid] ?? 0) - (before.processes[pid] ?? 0)

/** Share of the machine's CPU capacity (all cores) that was busy between two snapshots. */
export const busyShare = (before: CpuSnapshot, after: CpuSnapshot) =>
  after.total > before.total ? (after.busy - before.busy) / (after.total - before.total) : 0

/**
 * Waits until the machine is mostly idle (busy share under `threshold` over a 5 s window), for at
 * most `maxSeconds`; says how long it waited and how busy the machine was at the end.
 */
export async function waitForQuietMachine(maxSeconds: number, threshold = 0.25) {
  const started = performance.now()
  let share = 1
  do {
    const before = await cpuSnapshot()
    await new Promise((resolve) => setTimeout(resolve, 5000))
    share = busyShare(before, await cpuSnapshot())
  } while (share > threshold && performance.now() - started < maxSeconds * 1000)
  return {
    waitedSeconds: Math.round((performance.now() - started) / 1000),
    busyShare: Math.round(share * 100) / 100,
    quiet: share <= threshold,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  }
}

/** Resident memory of a process now, and its peak since it started, in MiB. */
export async function memoryOf(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const mib = (field: string) =>
    Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024)
  return { rssMiB: mib('VmRSS'), peakRssSinceStartMiB: mib('VmHWM') }
}

/** Samples the resident memory (VmRSS) of a process every `intervalMs` until stopped. */
export function sampleRss(pid: number, intervalMs: number) {
  const samples: number[] = []
  const read = async () => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
    if (kib) samples.push(Number(kib) / 1024)
  }
  const timer = setInterval(() => void read(), intervalMs)
  return {
    stop: async () => {
      clearInterval(timer)
      await read()
      return {
        maxMiB: Math.round(Math.max(...samples)),
        meanMiB: Math.round(samples.reduce((sum, value) => sum + value, 0) / samples.length),
        samples: samples.length,
      }
    },
  }
}
