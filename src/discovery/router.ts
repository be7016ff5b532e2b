import { Router } from 'express'

import { errorHandler, notFound } from './errors'

/**
 * The public discovery API, mounted at `/discovery`. Route declarations only; handlers live beside.
 * Versioned under `/v1` so a future `/v2` can change shapes without breaking shipped apps.
 */
export function discoveryRouter(): Router {
  const router = Router()
  const v1 = Router()

  v1.get('/health', (_req, res) => {
    res.json({ status: 'ok', api: 'discovery', version: 'v1' })
  })

  router.use('/v1', v1)
  router.use(notFound)
  router.use(errorHandler)
  return router
}
