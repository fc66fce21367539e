/**
 * What a job post offers: a fixed price (`Fixed-price $500`, `Budget: $500`)
 * or an hourly range (`Hourly: $40.00-$60.00`, `$50/hr`), as Upwork and the
 * like print them when a post is copied. Whole currency units.
 */
export type Budget =
  | { kind: 'fixed'; amount: number; currency: string }
  | { kind: 'hourly'; min: number; max: number; currency: string };

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'CNY',
};

// One amount: `$1,500.00`, `US$500`, `€300`, `500 USD`, `3000 元`, `1.5k`.
const AMOUNT =
  /(US\$|[$€£¥])\s?(\d[\d,]*(?:\.\d+)?)(k?)|(\d[\d,]*(?:\.\d+)?)(k?)\s?(USD|EUR|GBP|CNY|RMB|元)/gi;
const RANGE_JOIN = /^\s*(?:-|–|—|to|~|至|到)\s*$/i;
const HOURLY =
  /\bhourly\b|\/\s?(?:h|hr|hour)\b|\bper hour\b|\ban hour\b|\bhour(?:ly)? rate\b|每小时|时薪|\/小时/i;
const FIXED = /\bfixed\b|\bbudget\b|\bflat fee\b|\bone[- ]off\b|\btotal\b|预算|固定/i;

interface Found {
  amount: number;
  currency: string;
  start: number;
  end: number;
}

function amounts(line: string): Found[] {
  const out: Found[] = [];
  for (const m of line.matchAll(AMOUNT)) {
    const [, symbol, n1, k1, n2, k2, code] = m;
    const raw = Number.parseFloat((n1 ?? n2 ?? '0').replace(/,/g, ''));
    const amount = Math.round(k1 || k2 ? raw * 1000 : raw);
    const currency = symbol
      ? (SYMBOLS[symbol.toUpperCase()] ?? 'USD')
      : /^(RMB|元)$/i.test(code ?? '')
        ? 'CNY'
        : (code ?? 'USD').toUpperCase();
    if (amount > 0) out.push({ amount, currency, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The post's budget: an hourly range or rate when a line (or the line next to
 * it) says hourly; else a fixed amount next to "fixed"/"budget". Undefined
 * when the post names no amount it offers.
 */
export function detectBudget(text: string): Budget | undefined {
  const lines = text.split('\n');
  let fixed: Budget | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const found = amounts(line);
    if (found.length === 0) continue;
    // Upwork copies as "$500.00" on one line and "Fixed-price" on the next (or before).
    const around = `${lines[i - 1] ?? ''}\n${line}\n${lines[i + 1] ?? ''}`;
    const first = found[0]!;
    const second = found[1];
    const ranged =
      second && RANGE_JOIN.test(line.slice(first.end, second.start)) ? second : undefined;
    if (HOURLY.test(line) || (HOURLY.test(around) && !FIXED.test(line))) {
      return {
        kind: 'hourly',
        min: first.amount,
        max: ranged?.amount ?? first.amount,
        currency: first.currency,
      };
    }
    if (!fixed && FIXED.test(around))
      fixed = { kind: 'fixed', amount: ranged?.amount ?? first.amount, currency: first.currency };
  }
  return fixed;
}
