import type { Locale } from '../i18n/locale.ts';
import { type Ratio, rate } from './build-client-snapshot.ts';

/**
 * "Wed, Nov 18, 10:00 EST" in the given zone and language. The zone is always
 * named: a report's readers may sit anywhere (a client in New York, the bot
 * in Berlin), and neither Slack nor an e-mail tells us who reads it.
 */
export function formatWhen(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(at);
}

/** "62%": a ratio's share, rounded. */
export const percent = (r: Ratio) => `${Math.round(rate(r) * 100)}%`;
