/**
 * Maps a request path to a bounded route pattern for metric labels and logs. Raw paths would give
 * every document id and file name its own time series; patterns keep the label set small and fixed.
 */

// Payload REST sub-routes that are fixed words rather than ids.
const PAYLOAD_ACTIONS = new Set([
  'access',
  'count',
  'first-register',
  'forgot-password',
  'init',
  'login',
  'logout',
  'me',
  'refresh-token',
  'reset-password',
  'unlock',
  'verify',
  'versions',
])

const SEGMENT = /^[a-z][a-z0-9-]{0,63}$/

export function routeLabel(path: string, collectionSlugs: ReadonlySet<string>): string {
  const clean = path.split('?')[0] ?? '/'
  if (clean === '/admin' || clean.startsWith('/admin/')) return '/admin/*'
  if (clean.startsWith('/_next/')) return '/_next/*'
  if (clean === '/api/graphql' || clean === '/api/graphql-playground') return clean
  if (clean.startsWith('/api/'))
    return payloadRestLabel(clean.slice('/api/'.length), collectionSlugs)
  if (clean.startsWith('/discovery/')) return '/discovery/*'
  return 'other'
}

function payloadRestLabel(rest: string, collectionSlugs: ReadonlySet<string>): string {
  const [slug, second, third] = rest.split('/').filter(Boolean)
  if (!slug || !collectionSlugs.has(slug)) return '/api/*'
  if (second === undefined) return `/api/${slug}`
  if (second === 'file') return `/api/${slug}/file/:filename`
  if (PAYLOAD_ACTIONS.has(second)) return `/api/${slug}/${second}${third ? '/:id' : ''}`
  if (third === undefined) return `/api/${slug}/:id`
  return SEGMENT.test(third) && PAYLOAD_ACTIONS.has(third)
    ? `/api/${slug}/:id/${third}`
    : `/api/${slug}/:id/*`
}
