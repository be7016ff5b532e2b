import type { Access, Where } from 'payload'

import { isStaffUser } from './roles'

/**
 * What the public may see of a draft-enabled collection: published, and with a `publishedAt` that
 * has arrived. A published document with a future `publishedAt` stays hidden until then, without
 * needing a job to flip it. `publishedAt` is always set on publish (see setPublishedAtOnPublish).
 * `prefix` scopes the condition to a relationship (e.g. `program.`).
 */
export function publishedAndDueWhere(now: Date = new Date(), prefix = ''): Where[] {
  return [
    { [`${prefix}_status`]: { equals: 'published' } },
    { [`${prefix}publishedAt`]: { less_than_equal: now.toISOString() } },
  ]
}

/** Staff read everything (drafts included); public and viewers read published, due documents. */
export const publishedAndDueOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { and: publishedAndDueWhere() }

/** An episode is public only while its program is public too: a draft program hides its episodes. */
export const publicEpisodeOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const now = new Date()
  return { and: [...publishedAndDueWhere(now), ...publishedAndDueWhere(now, 'program.')] }
}
