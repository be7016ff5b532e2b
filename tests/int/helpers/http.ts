/**
 * Talks to the real host that globalSetup started (production build, ephemeral port).
 * Response bodies are typed `any` by default: tests assert on arbitrary JSON shapes.
 */
export const baseUrl = (): string => {
  const url = process.env.TEST_SERVER_URL
  if (!url) throw new Error('TEST_SERVER_URL is not set: run the suite with `npm test`.')
  return url
}

export type Auth = { token: string } | { apiKey: string } | undefined

export function authHeaders(auth: Auth): Record<string, string> {
  if (!auth) return {}
  return 'token' in auth
    ? { Authorization: `JWT ${auth.token}` }
    : { Authorization: `users API-Key ${auth.apiKey}` }
}

export interface JsonResponse<T = any> {
  status: number
  headers: Headers
  body: T
}

export async function request<T = any>(
  path: string,
  init: {
    method?: string
    auth?: Auth
    json?: unknown
    body?: string
    headers?: Record<string, string>
  } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...authHeaders(init.auth), ...init.headers }
  let body = init.body
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(init.json)
  } else if (body !== undefined) {
    headers['Content-Type'] ??= 'application/json'
  }
  const response = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body,
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text so the assertion shows it
  }
  return { status: response.status, headers: response.headers, body: parsed as T }
}

/** Logs in over REST and returns the JWT, as an integrator would. */
export async function login(email: string, password: string): Promise<string> {
  const response = await request('/api/users/login', { method: 'POST', json: { email, password } })
  if (response.status !== 200)
    throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.token as string
}

export async function graphql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  auth?: Auth,
): Promise<JsonResponse<T>> {
  return request<T>('/api/graphql', { method: 'POST', auth, json: { query, variables } })
}
