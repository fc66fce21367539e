/** The languages of messages and drafts (`locale` in gigops.yml). */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale =>
  (LOCALES as readonly unknown[]).includes(value);

/**
 * Picks the copy of one message set for a locale. Every set has every locale
 * (the type says so); a locale that is none of them is a bug, not English.
 */
export function pick<T>(set: Record<Locale, T>, locale: Locale): T {
  if (!isLocale(locale)) throw new Error(`unknown locale ${JSON.stringify(locale)}`);
  return set[locale];
}
