/**
 * What the admin panel's action buttons do: POST to one of our endpoints with the editor's session
 * and turn the answer into one line to show (the endpoint's own error message when it refused).
 */
export async function postAction(
  url: string,
  body: object | undefined,
  describeSuccess: (json: unknown) => string,
): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    ...(body
      ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  })
  const json = await response.json().catch(() => ({}))
  return response.ok
    ? describeSuccess(json)
    : (json.errors?.[0]?.message ?? `HTTP ${response.status}`)
}
