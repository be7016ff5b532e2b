import type { CollectionConfig, FieldHook } from 'payload'

import { adminOrSelf } from '../access/adminOrSelf'
import { isAdmin, isAdminFieldLevel } from '../access/isAdmin'
import { isStaffUser, ROLES } from '../access/roles'
import { protectAccountChanges } from '../auth/accountChanges'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { COLLECTION_LABELS, GROUPS } from '../lib/adminLabels'

/** The very first account (created from the admin panel's sign-up screen) becomes an admin. */
export const firstUserIsAdmin: FieldHook = async ({ operation, req, value }) => {
  if (operation !== 'create') return value
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  return totalDocs === 0 ? ['admin'] : value
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: COLLECTION_LABELS.users,
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles'],
    group: GROUPS.settings,
  },
  auth: {
    useAPIKey: true,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 2 * 60 * 60,
  },
  access: {
    // The admin panel is for staff; viewers read published content through the APIs.
    admin: ({ req }) => isStaffUser(req.user),
    create: isAdmin,
    delete: isAdmin,
    read: adminOrSelf,
    // Payload's default lets any logged-in user unlock any account, an admin's included.
    unlock: isAdmin,
    update: adminOrSelf,
  },
  hooks: {
    // Logins get uniform answers from the securityHardening plugin (after the rate limit).
    beforeOperation: [sanitizeWriteData, clampReadLimits, protectAccountChanges],
  },
  // Email verification is off: Payload's verify route would otherwise query a column that does not
  // exist and answer 500. Custom endpoints come before Payload's own.
  endpoints: [
    {
      path: '/verify/:token',
      method: 'post',
      handler: () => Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 }),
    },
  ],
  fields: [
    { name: 'name', type: 'text' },
    {
      // Asked for by protectAccountChanges when users change their own password; never stored.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: 'Current password (to change your password)',
      access: { read: () => false },
      admin: {
        condition: (data, _siblingData, { user }) =>
          Boolean(user && data?.id !== undefined && String(data.id) === String(user.id)),
      },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['viewer'],
      saveToJWT: true,
      options: ROLES.map((role) => ({
        label: role[0]!.toUpperCase() + role.slice(1),
        value: role,
      })),
      access: {
        create: isAdminFieldLevel,
        update: isAdminFieldLevel,
      },
      hooks: { beforeChange: [firstUserIsAdmin] },
      admin: {
        description: 'Admin: everything. Editor: all content. Viewer: reads published content.',
      },
    },
  ],
}
