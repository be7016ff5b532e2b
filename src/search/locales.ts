/** Content locales, in the order Payload's localization config lists them. */
export const LOCALES = ['en', 'ar'] as const
export type Locale = (typeof LOCALES)[number]
export type LocalizedText = Partial<Record<Locale, string>>
