import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

export const isAdmin: Access = ({ req }) => hasRole(req.user, 'admin')

/** Field-level variant, e.g. for `roles`: only admins may set or change it. */
export const isAdminFieldLevel: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
