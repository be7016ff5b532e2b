import { getPayload } from 'payload'

import config from '../../payload.config'
import { env } from '../../src/env'
import { progressReporter } from '../lib/progress'
import { buildCatalogue } from './catalogue'
import { DEMO_USERS, seedDatabase } from './seedDatabase'

/** Seeds the database the configuration points at and prints what happened and how to log in. */
export async function runSeed(): Promise<void> {
  const payload = await getPayload({ config })
  const started = Date.now()
  const progress = progressReporter({ label: 'seeding programs', unit: 'programs' })
  const result = await seedDatabase(payload, {
    catalogue: buildCatalogue(),
    password: env.SEED_PASSWORD,
    onProgress: (done, total) => progress.update(done, total),
  }).finally(() => progress.finish())
  const { created, skipped } = result
  console.log(
    `✓ seed done in ${((Date.now() - started) / 1000).toFixed(1)} s: created ${created.programs} programs, ` +
      `${created.episodes} episodes, ${created.categories} categories, ${created.media} images, ` +
      `${created.users} users; already present: ${skipped.programs} programs, ` +
      `${skipped.categories} categories, ${skipped.users} users`,
  )
  printDemoLogins()
}

export function printDemoLogins(): void {
  console.log(`  demo logins (password: ${env.SEED_PASSWORD}):`)
  for (const user of DEMO_USERS) console.log(`    ${user.role.padEnd(7)} ${user.email}`)
}
