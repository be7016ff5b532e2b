import type { Access } from 'payload'

import { isStaffUser } from './roles'

/**
 * Staff read every file. Everyone else reads a file once published, due content uses it: its
 * `publicFrom` (kept by src/media/visibility.ts in the same transaction as each program or episode
 * change) has arrived. A scheduled publish therefore reveals its files on time, with no job.
 */
export const publicMediaOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { publicFrom: { less_than_equal: new Date().toISOString() } }
