import type { Locale } from '../i18n/locale.ts';

/**
 * Money in one format everywhere, by locale (Intl.NumberFormat): `$1,200` in
 * English, `US$1,200` in 简体中文; cents only when the amount has them. The
 * listing's bounty, the draft's price and its bounty or budget all come from
 * here, so a reader never sees `1170 USD` next to `$1,200`.
 */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const format = formatter(locale, currency, Number.isInteger(amount) ? 0 : 2);
  return format ? format.format(amount) : `${plainNumber(amount, locale)} ${currency}`;
}

/** A range in the same format: `$40–$60`; one amount when both ends agree. */
export function formatMoneyRange(
  min: number,
  max: number,
  currency: string,
  locale: Locale,
): string {
  if (min === max) return formatMoney(min, currency, locale);
  return `${formatMoney(min, currency, locale)}–${formatMoney(max, currency, locale)}`;
}

const cache = new Map<string, Intl.NumberFormat | null>();

/** One formatter per locale, currency and precision; null for a code Intl refuses. */
function formatter(locale: Locale, currency: string, digits: number) {
  const key = `${locale}|${currency}|${digits}`;
  let format = cache.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      // Not an ISO 4217 code (the config validates it; this is the fallback).
      format = null;
    }
    cache.set(key, format);
  }
  return format;
}

const plainNumber = (amount: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
