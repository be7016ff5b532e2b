import type { Access } from 'payload'

import { isStaffUser } from './roles'

/** Editors and admins: create, update and delete content, read drafts and versions. */
export const isStaff: Access = ({ req }) => isStaffUser(req.user)

/** Every operation for staff only: collections the public never sees (feeds, search rules). */
export const staffOnly = { create: isStaff, delete: isStaff, read: isStaff, update: isStaff }
