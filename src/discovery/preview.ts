/**
 * `GET /api/search-preview`: the admin preview of a discovery search, for staff. Takes the search
 * parameters, runs the search uncached, and answers with the public response plus `why`: the
 * parameters searched with (interpretation applied), synonyms used, promotions pinned, exact-title
 * rescue, and each result's score and matched fields.
 *
 * Served by the Express host (it needs the process's discovery service), authenticated with the
 * admin panel's own session (cookie or `Authorization` header) through Payload.
 */
import { Router } from 'express'
import type { Payload } from 'payload'

import { isStaffUser } from '../access/roles'
import { ApiError, errorHandler } from './errors'
import { searchQuery } from './schemas'
import type { DiscoveryService } from './service'
import { validate } from './validation'

export function searchPreviewRouter(payload: Payload, service: DiscoveryService): Router {
  const router = Router()
  router.get('/api/search-preview', async (req, res, next) => {
    try {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
      }
      const { user } = await payload.auth({ headers })
      if (!user) throw new ApiError(401, 'unauthenticated', 'Log in to the admin panel first.')
      if (!isStaffUser(user)) throw new ApiError(403, 'forbidden', 'Editors and admins only.')
      const params = validate(searchQuery, req.query, 'query')
      const { response, why } = await service.searchExplained(params)
      res.setHeader('Cache-Control', 'no-store')
      res.json({ ...response, why })
    } catch (error) {
      next(error)
    }
  })
  router.use('/api/search-preview', errorHandler)
  return router
}
