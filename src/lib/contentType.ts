/** `application/json` or a `+json` type (`application/problem+json`), with or without parameters. */
export const isJsonContentType = (type: string | undefined): boolean =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type ?? '')
