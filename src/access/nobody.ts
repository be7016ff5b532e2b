import type { Access } from 'payload'

/** Nobody over the API (REST, GraphQL, admin panel): only server code with overrideAccess. */
export const nobody: Access = () => false
