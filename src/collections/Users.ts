import type { CollectionConfig, FieldHook } from 'payload'

import { adminOrSelf } from '../access/adminOrSelf'
import { isAdmin, isAdminFieldLevel } from '../access/isAdmin'
import { ROLES } from '../access/roles'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { COLLECTION_LABELS, GROUPS } from '../admin/labels'

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
    create: isAdmin,
    delete: isAdmin,
    read: adminOrSelf,
    update: adminOrSelf,
  },
  hooks: {
    beforeOperation: [sanitizeWriteData, clampReadLimits],
  },
  fields: [
    { name: 'name', type: 'text' },
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
