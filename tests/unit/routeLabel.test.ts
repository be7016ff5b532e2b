import { describe, expect, it } from '@jest/globals'

import { routeLabel } from '../../src/observability/routeLabel'

const slugs = new Set(['programs', 'episodes', 'media', 'users'])

describe('routeLabel', () => {
  it.each([
    ['/admin', '/admin/*'],
    ['/admin/collections/programs/12', '/admin/*'],
    ['/_next/static/chunks/a.js', '/_next/*'],
    ['/api/graphql', '/api/graphql'],
    ['/api/programs', '/api/programs'],
    ['/api/programs?limit=10', '/api/programs'],
    ['/api/programs/42', '/api/programs/:id'],
    ['/api/programs/not-a-number', '/api/programs/:id'],
    ['/api/users/login', '/api/users/login'],
    ['/api/users/me', '/api/users/me'],
    ['/api/users/unlock/9', '/api/users/unlock/:id'],
    ['/api/programs/versions', '/api/programs/versions'],
    ['/api/programs/versions/7', '/api/programs/versions/:id'],
    ['/api/media/file/cover-1.jpg', '/api/media/file/:filename'],
    ['/api/unknown-collection/1', '/api/*'],
    ['/discovery/v9/anything', '/discovery/*'],
    ['/wp-login.php', 'other'],
  ])('labels %s as %s', (path, label) => {
    expect(routeLabel(path, slugs)).toBe(label)
  })

  it('keeps the label set bounded whatever the ids', () => {
    const labels = new Set(
      Array.from({ length: 500 }, (_, i) => routeLabel(`/api/programs/${i}/x${i}`, slugs)),
    )
    expect(labels.size).toBe(1)
  })
})
