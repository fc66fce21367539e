import type { Locale } from '../config.ts';

export type { Locale } from '../config.ts';

/** Picks the copy of one message set for a locale; English fills any gap. */
export function pick<T>(set: { en: T; 'zh-CN': T }, locale: Locale): T {
  return set[locale] ?? set.en;
}
