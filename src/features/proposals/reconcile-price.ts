import type { Estimate } from '../../domain/estimate-hours.ts';
import { formatMoney, formatMoneyRange } from '../../domain/money.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { DraftCopy } from '../../i18n/proposal-draft.ts';
import type { Brief } from './brief.ts';

/** An hourly post for months of work: a total for one estimate would mislead. */
const ONGOING =
  /\bongoing\b|\blong[- ]term\b|\bmore than \d+ months\b|\b\d+\+? ?hrs?\/week\b|\bhours? (?:per|a) week\b|\bfull[- ]time\b|\bpart[- ]time\b|长期/i;

export interface Price {
  text: string;
  /** The one-line answer to "what do you charge?". */
  short: string;
  money: string[];
}

/**
 * The price line, reconciled with the money on the table: a bounty that
 * covers the estimate is the price; one below it is quoted with the estimate
 * and its reasons; a fixed budget is met or says what it buys; an hourly range
 * is stated next to the rate (with a total only for a bounded job).
 */
export function reconcilePrice(
  copy: DraftCopy,
  brief: Brief,
  estimate: Estimate,
  settings: { locale: Locale; currency: string; hourlyRate: number },
): Price {
  const { locale, currency, hourlyRate } = settings;
  const money = (n: number, cur = currency) => formatMoney(n, cur, locale);
  const hours = estimate.hours;
  const why = copy.list(
    estimate.reasons.filter((r) => r !== 'tests-docs').map((r) => copy.reasons[r]),
  );
  const total = money(hours * hourlyRate);
  const rate = money(hourlyRate);
  const offer = brief.offer;
  const short = copy.price.short(total);
  if (!offer)
    return { text: copy.price.plain(hours, why, total, rate), short, money: [total, rate] };
  if (offer.kind === 'bounty') {
    if (offer.amount === 0)
      return {
        text: copy.price.bountyUnknown(hours, why, total, rate),
        short,
        money: [total, rate],
      };
    const bounty = money(offer.amount, offer.currency);
    const covers = offer.currency === currency && hours * hourlyRate <= offer.amount * 1.1;
    return covers
      ? {
          text: copy.price.bountyCovers(bounty, hours, why),
          short: copy.price.short(bounty),
          money: [bounty],
        }
      : {
          text: copy.price.bountyBelow(bounty, hours, why, total, rate),
          short: copy.price.short(bounty),
          money: [bounty, total, rate],
        };
  }
  if (offer.kind === 'fixed') {
    const budget = money(offer.amount, offer.currency);
    const fits = offer.currency === currency && hours * hourlyRate <= offer.amount * 1.1;
    return fits
      ? {
          text: copy.price.fixedFits(budget, hours, why),
          short: copy.price.short(budget),
          money: [budget],
        }
      : {
          text: copy.price.fixedBelow(budget, hours, why, total, rate),
          short: copy.price.short(total),
          money: [budget, total, rate],
        };
  }
  const range = formatMoneyRange(offer.min, offer.max, offer.currency, locale);
  if (ONGOING.test(brief.body))
    return {
      text: copy.price.hourlyOngoing(range, rate),
      short: copy.price.shortHourly(rate, total),
      money: [range, rate],
    };
  return {
    text: copy.price.hourly(range, rate, hours, why, total),
    short: copy.price.shortHourly(rate, total),
    money: [range, rate, total],
  };
}
