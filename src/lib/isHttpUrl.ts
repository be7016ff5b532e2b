/** Whether `value` is an absolute http(s) URL (the only kind stored as links and media sources). */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false
  try {
    const { protocol, hostname } = new URL(value)
    return (protocol === 'http:' || protocol === 'https:') && hostname !== ''
  } catch {
    return false
  }
}

/** A Payload `validate` for an http(s) URL field; empty passes unless the field is required. */
export const validateHttpUrl =
  (field: string) =>
  (value: string | null | undefined, { required }: { required?: boolean } = {}) => {
    if (value === null || value === undefined || value === '') {
      return required ? `${field} is required.` : true
    }
    return isHttpUrl(value) ? true : `${field} must be an absolute http(s) URL.`
  }
