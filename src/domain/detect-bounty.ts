import type { Bounty } from './opportunity.ts';

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

// "$500 bounty", "💎 Bounty $1,000", "bounty: 250 USD", "€300 reward" (Algora posts "💎 $500 bounty").
const AMOUNT = /([$€£])\s?(\d[\d,]*(?:\.\d+)?)(k?)|(\d[\d,]*(?:\.\d+)?)(k?)\s?(USD|EUR|GBP)\b/i;
const MENTION = /\bbount(?:y|ies)\b|💎|\breward\b/i;

/**
 * A bounty on an issue, from its labels ("bounty", "💎 Bounty", "$500") and its
 * text (body and comments). The largest amount mentioned next to the word
 * bounty wins; a bounty label without an amount counts as 0.
 */
export function detectBounty(
  labels: readonly string[],
  texts: readonly string[],
): Bounty | undefined {
  let best: Bounty | undefined;
  const consider = (text: string, requireMention: boolean) => {
    for (const line of text.split('\n')) {
      if (requireMention && !MENTION.test(line)) continue;
      const found = parseAmount(line);
      if (found && (!best || found.amount > best.amount)) best = found;
    }
  };
  const bountyLabel = labels.some((l) => MENTION.test(l));
  // A label with an amount ("$250") is a bounty label by itself.
  for (const label of labels) consider(label, false);
  for (const text of texts) consider(text, true);
  if (!best && bountyLabel) return { amount: 0, currency: 'USD' };
  return best;
}

function parseAmount(text: string): Bounty | undefined {
  const m = AMOUNT.exec(text);
  if (!m) return undefined;
  const [, symbol, n1, k1, n2, k2, code] = m;
  const raw = Number.parseFloat((n1 ?? n2 ?? '0').replace(/,/g, ''));
  const amount = Math.round(k1 || k2 ? raw * 1000 : raw);
  const currency = symbol ? (SYMBOLS[symbol] ?? 'USD') : (code ?? 'USD').toUpperCase();
  return amount > 0 ? { amount, currency } : undefined;
}
