/**
 * `npm run audit`: `npm audit --omit=dev`, failing on any high or critical advisory in the
 * production dependencies. Where the registry has no audit service (this project's machines: the
 * registry they reach answers the audit endpoint with 405), it says so and passes: the check
 * cannot be made here, and pretending it failed would block every build for the network's sake.
 * Advisories that are accepted must be listed in AUDIT_ALLOW with the reason, in the README.
 */
import { execFile } from 'node:child_process'

import { parseCli } from './lib/cli'
import { ROOT } from './lib/paths'

parseCli({
  command: 'npm run audit',
  summary:
    'Runs npm audit on the production dependencies and fails on any high or critical advisory\n' +
    'not accepted in AUDIT_ALLOW (scripts/audit.ts). Passes with a note where the registry has no\n' +
    'audit service.',
  examples: ['npm run audit'],
  notes:
    'Exit codes: 0 no serious advisory (or not checkable here), 1 advisories found, 2 usage error.',
})

/** Advisory ids (GHSA) accepted after review, each with its reason. None so far. */
const AUDIT_ALLOW: Record<string, string> = {}

interface AuditReport {
  statusCode?: number
  message?: string
  vulnerabilities?: Record<
    string,
    { severity: string; via: ({ url?: string; title?: string } | string)[] }
  >
}

const output = await new Promise<string>((resolve) => {
  execFile(
    'npm',
    ['audit', '--omit=dev', '--json'],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    (_error, stdout) => resolve(stdout),
  )
})
let report: AuditReport
try {
  report = JSON.parse(output) as AuditReport
} catch {
  console.error(`✗ npm audit printed something that is not JSON:\n${output.slice(0, 500)}`)
  process.exit(1)
}

if (!report.vulnerabilities) {
  if (
    report.statusCode === 405 ||
    report.statusCode === 404 ||
    /audit/i.test(report.message ?? '')
  ) {
    console.log(
      `! npm audit is unavailable from this registry (${report.message ?? report.statusCode}); not checked`,
    )
    process.exit(0)
  }
  console.error(`✗ npm audit failed: ${report.message ?? 'no report'}`)
  process.exit(1)
}

const serious = Object.entries(report.vulnerabilities).filter(
  ([, v]) =>
    (v.severity === 'high' || v.severity === 'critical') &&
    !v.via.some(
      (via) => typeof via === 'object' && via.url && AUDIT_ALLOW[via.url.split('/').pop()!],
    ),
)
for (const [name, v] of serious) {
  const titles = v.via.map((via) => (typeof via === 'string' ? via : via.title)).join('; ')
  console.error(`✗ ${v.severity}: ${name}: ${titles}`)
}
if (serious.length) process.exit(1)
console.log(`✓ npm audit: no high or critical advisory in production dependencies`)
