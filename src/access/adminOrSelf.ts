import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins reach every user; anyone else only their own record (anonymous: nothing). */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user) return false
  return { id: { equals: req.user.id } }
}
