import type { ContributingVerdict } from '../../domain/lead.ts';

/**
 * What a CONTRIBUTING file says about a commercial line in a pull request
 * (an offer of paid work, a link to your services): `forbidden` when a
 * sentence about promotion, advertising, marketing, sponsorship, donations,
 * referral links or offering services says not to; `allowed` when one says
 * you may; `silent` when none speaks of it. A prohibition anywhere wins. Pure.
 */
const TOPIC = new RegExp(
  [
    'advertis\\w*',
    'marketing',
    'promotional',
    'self[- ]promot\\w*',
    'promot(?:e|es|ing) (?:your|their|own|a) (?:own )?(?:company|business|product|services|work|website)',
    'commercial (?:lines?|messages?|text|content|links?|offers?|promotion)',
    'sponsor(?:ship)? (?:links?|requests?|appeals?)',
    'donation (?:appeals?|links?|requests?)',
    'referral',
    'affiliate',
    'payment address\\w*',
    'for hire',
    'hire me',
    'solicit\\w*',
    '(?:your|their|own) (?:company|business|services|consulting|homepage|website|product)',
    '(?:offer|offering) (?:your|paid) (?:services|work)',
  ]
    .map((t) => `\\b${t}\\b`)
    .join('|'),
  'i',
);
const NO =
  /\b(no|not|never|nor|don't|do not|doesn't|must not|mustn't|may not|cannot|can't|shouldn't|should not|won't|prohibited|forbidden|disallowed|banned|unacceptable|refrain|avoid|without)\b|\bwill be (?:closed|rejected|removed|deleted|reported|blocked|banned)\b/i;
const YES =
  /\b(may|can|are welcome|is welcome|welcome to|feel free|allowed|permitted|fine|ok|okay|encouraged|appreciated)\b/i;

/** The file's sentences and list items, markup stripped, each at most 300 characters. */
function sentences(text: string): string[] {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\n\s*(?:[-*+]|\d+[.)])\s+|\n{2,}|(?<=[.!?])\s+(?=[A-Z*_`"“(])/)
    .map((s) =>
      s
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`#>]+/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => s.length > 0)
    .map((s) => (s.length > 300 ? `${s.slice(0, 299)}…` : s));
}

export function classifyContributing(text: string): {
  verdict: Exclude<ContributingVerdict, 'none' | 'unknown'>;
  quote: string | undefined;
} {
  let allowed: string | undefined;
  for (const s of sentences(text)) {
    if (!TOPIC.test(s)) continue;
    if (NO.test(s)) return { verdict: 'forbidden', quote: s };
    if (!allowed && YES.test(s)) allowed = s;
  }
  return allowed ? { verdict: 'allowed', quote: allowed } : { verdict: 'silent', quote: undefined };
}
