export const ROLES = ['admin', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** The shape of `req.user` that role checks need; any authenticated user document fits. */
export type UserWithRoles =
  { id?: number | string; roles?: (Role | string)[] | null } | null | undefined

/** True when the user holds at least one of `roles`. Anonymous requests hold none. */
export function hasRole(user: UserWithRoles, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as string[]).includes(role)))
}

/** Editors and admins manage content; everyone else only reads what is public. */
export function isStaffUser(user: UserWithRoles): boolean {
  return hasRole(user, 'admin', 'editor')
}
