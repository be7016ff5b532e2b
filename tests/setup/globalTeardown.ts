import { dropTestDatabase } from './testDatabase'

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__MEDIAMESH_TEST__
  if (!state) return
  state.server.child.kill('SIGTERM')
  await Promise.race([state.server.exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
  if (state.server.child.exitCode === null) state.server.child.kill('SIGKILL')
  await dropTestDatabase(state.database)
  // Indices every test file created under the run's prefix (test files also clean up their own).
  await fetch(
    `${process.env.ELASTICSEARCH_URL ?? `http://127.0.0.1:${process.env.ES_PORT ?? 9200}`}/mediamesh_test_${process.pid}*`,
    {
      method: 'DELETE',
    },
  ).catch(() => undefined)
}
