import type { Access } from 'payload'

import { isStaffUser } from './roles'

/** Editors and admins: create, update and delete content, read drafts and versions. */
export const isStaff: Access = ({ req }) => isStaffUser(req.user)
