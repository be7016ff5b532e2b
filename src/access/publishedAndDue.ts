/** Access for draft-enabled collections, from the one publication rule (src/lib/publication.ts). */
import type { Access } from 'payload'

import { publishedAndDueWhere } from '../lib/publication'
import { isStaffUser } from './roles'

/** Staff read everything (drafts included); public and viewers read published, due documents. */
export const publishedAndDueOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { and: publishedAndDueWhere() }

/** An episode is public only while its program is public too: a draft program hides its episodes. */
export const publicEpisodeOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const now = new Date()
  return { and: [...publishedAndDueWhere(now), ...publishedAndDueWhere(now, 'program.')] }
}
