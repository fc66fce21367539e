import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../src/domain/money.ts';
import type { MergedPull } from '../src/domain/proposal.ts';
import type { Brief } from '../src/features/proposals/brief.ts';
import { composeDraft, type DraftSettings } from '../src/features/proposals/compose-draft.ts';
import { plainProposal, UPWORK_MAX } from '../src/features/proposals/proposal-forms.ts';
import type { Locale } from '../src/i18n/locale.ts';
import {
  type Expectation,
  ISSUES,
  issueBrief,
  POSTS,
  postBrief,
} from './fixtures/proposals/index.ts';

/**
 * The rubric of issue 21, run over every fixture issue and job post in both
 * locales, without an LLM. The table it makes is docs/proposals-rubric.md:
 * the test fails when the file says otherwise (regenerate with
 * `UPDATE_RUBRIC=1 npx vitest run test/proposals-rubric.test.ts`).
 */
const RUBRIC_FILE = new URL('../docs/proposals-rubric.md', import.meta.url);

const SETTINGS: Record<Locale, DraftSettings> = {
  en: {
    locale: 'en',
    githubLogin: 'jane-go',
    hourlyRate: 90,
    currency: 'USD',
    signature: 'Jane Doe — Go engineer',
    hook: '',
    about: 'I have written Go for nine years, mostly networking and storage code.',
  },
  'zh-CN': {
    locale: 'zh-CN',
    githubLogin: 'jane-go',
    hourlyRate: 90,
    currency: 'USD',
    signature: 'Jane Doe — Go 工程师',
    hook: '',
    about: '我写 Go 九年，主要做网络和存储相关的代码。',
  },
};

const pull = (repo: string, number: number, title: string, labels: string[] = []): MergedPull => ({
  repo,
  number,
  title,
  url: `https://github.com/${repo}/pull/${number}`,
  labels,
  mergedAt: new Date('2026-10-01T00:00:00Z'),
});
const PULLS = [
  pull('redis/go-redis', 2800, 'Add XAutoClaim to the streams commands', ['enhancement']),
  pull('spf13/cobra', 2001, 'Complete nested subcommands in zsh and fish'),
  pull('uber-go/goleak', 120, 'Ignore goroutines started by testing'),
  pull('jackc/pgx', 1900, 'Fix deadlock in pool Acquire on context cancel', ['bug']),
];

/** How each kind's plan shows itself, and what it must not say. */
const PLAN_SIGNS: Record<Expectation['kind'], { has: RegExp; not?: RegExp }> = {
  feature: { has: /design note|设计说明/, not: /reproduc|复现/i },
  bug: { has: /(failing Go test|失败的 Go 测试)[\s\S]*(regression test|回归测试)/ },
  performance: { has: /go test -bench=\S+ -benchmem[\s\S]*benchstat/ },
  docs: { has: /Example/, not: /reproduc|复现/i },
  question: { has: /runnable example|可运行示例/, not: /reproduc|复现/i },
  'flaky-test': { has: /-count=\d+[\s\S]*-race/ },
};

/** Statistics that argue against the bid. */
const SELF_DEFEATING =
  /\b0 (?:reactions|comments|stars|upvotes)\b|\bno (?:reactions|upvotes)\b|nobody|0 个表态|0 条评论|没有人/i;

const NUMBER = String.raw`\d(?:[\d,]*\d)?(?:\.\d+)?`;
const MONEY_TOKEN = new RegExp(
  String.raw`(?:US\$|CN¥|[$€£¥])\s?${NUMBER}|${NUMBER}\s?(?:USD|EUR|GBP|CNY|元)(?![A-Za-z])`,
  'g',
);

/** Every money figure in the text, when each is exactly what formatMoney writes in this locale. */
function oneMoneyFormat(text: string, locale: Locale): { ok: boolean; tokens: string[] } {
  const tokens = text.match(MONEY_TOKEN) ?? [];
  const ok = tokens.every((t) => {
    const amount = Number(t.replace(/[^\d.]/g, ''));
    return ['USD', 'EUR', 'GBP', 'CNY'].some((c) => formatMoney(amount, c, locale) === t);
  });
  return { ok, tokens };
}

interface Row {
  name: string;
  source: 'issue' | 'post';
  locale: Locale;
  kind: string;
  terms: string[];
  planFits: boolean;
  noBadStatistic: boolean;
  offerShown: string;
  moneyOk: boolean;
  greetingAndAbout: boolean;
  problemFirst: boolean;
  questionsAnswered: string;
  upworkChars: number;
}

function grade(name: string, expected: Expectation, brief: Brief, locale: Locale): Row {
  const settings = SETTINGS[locale];
  const d = composeDraft(brief, PULLS, settings);
  const text = plainProposal(d.sections);
  const all = `${text}\n${Object.values(d.sections).join('\n')}`.toLowerCase();
  const lines = text.split('\n');
  const signs = PLAN_SIGNS[expected.kind];
  const offer = brief.offer;
  let offerShown = '—';
  if (offer?.kind === 'bounty')
    offerShown = offer.amount > 0 ? formatMoney(offer.amount, offer.currency, locale) : 'bounty';
  else if (offer?.kind === 'fixed') offerShown = formatMoney(offer.amount, offer.currency, locale);
  else if (offer?.kind === 'hourly')
    offerShown = `${formatMoney(offer.min, offer.currency, locale)}–${formatMoney(offer.max, offer.currency, locale)}`;
  const offerOk =
    offerShown === '—'
      ? // No bounty or budget: the price itself is stated.
        formatMoney(d.hours * settings.hourlyRate, settings.currency, locale)
      : offerShown;
  const shown =
    offerOk === 'bounty'
      ? /bounty|悬赏/.test(d.sections.price)
      : d.sections.price.includes(offerOk);
  const questions = d.facts.ask.questions;
  const answered = questions.filter((q) => {
    const at = lines.findIndex((l) => l.includes(q));
    return at >= 0 && (lines[at + 1] ?? '').trim().length > 10;
  });
  const name1 = brief.greet;
  return {
    name,
    source: brief.kind,
    locale,
    kind: d.facts.kind,
    terms: expected.terms.filter((t) => all.includes(t.toLowerCase())),
    planFits:
      d.facts.kind === expected.kind &&
      signs.has.test(d.sections.plan) &&
      !(signs.not?.test(d.sections.plan) ?? false),
    noBadStatistic: !SELF_DEFEATING.test(text),
    offerShown: shown ? offerOk : `missing ${offerOk}`,
    moneyOk: oneMoneyFormat(text, locale).ok,
    greetingAndAbout:
      (name1 ? lines[0]!.includes(name1) : /^(Hello|你好)/.test(lines[0]!)) &&
      text.includes(settings.about) &&
      text.trimEnd().endsWith(settings.signature),
    problemFirst: lines[1]!.includes(d.facts.quote.slice(0, 40)),
    questionsAnswered: questions.length ? `${answered.length}/${questions.length}` : '—',
    upworkChars: text.length,
  };
}

const rows: Row[] = [];
for (const locale of ['en', 'zh-CN'] as const) {
  for (const [name, expected] of Object.entries(ISSUES))
    rows.push(grade(name, expected, issueBrief(name), locale));
  for (const [name, expected] of Object.entries(POSTS))
    rows.push(grade(name, expected, postBrief(name), locale));
}

const yes = (b: boolean) => (b ? '✓' : '✗');

function table(): string {
  const head = [
    '# Proposal rubric',
    '',
    'Generated by `test/proposals-rubric.test.ts` from the fixtures in `test/fixtures/proposals/`',
    '(13 Go issues and 5 job posts, written after real ones), drafted by the template path',
    '(no LLM) in both locales. The test fails when a row fails or this file is out of date;',
    'regenerate it with `UPDATE_RUBRIC=1 npx vitest run test/proposals-rubric.test.ts`.',
    '',
    'Columns: the kind of work found; the concrete terms from the body the draft names (of the',
    'fixture’s list; at least two); the plan fits the kind (no “reproduce” for a feature, a',
    'benchmark first for performance …); no self-defeating statistic; the bounty or budget',
    '(or, without one, the price) as the draft shows it; every money figure in one format',
    '(`Intl.NumberFormat`, by locale); greeting, `proposals.about` and signature; the problem in',
    'the client’s words on the second line; a job post’s questions answered; the length of the',
    `Upwork (plain text) form, under ${UPWORK_MAX.toLocaleString('en')} characters.`,
    '',
    '| fixture | locale | kind | terms named | plan fits | no bad statistic | bounty / budget | one money format | greeting + about | problem first | questions | Upwork chars |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const body = rows.map(
    (r) =>
      `| ${r.source}: ${r.name} | ${r.locale} | ${r.kind} | ${r.terms.length} (${r.terms.map((t) => `\`${t.replace(/\|/g, '\\|')}\``).join(', ')}) | ${yes(r.planFits)} | ${yes(r.noBadStatistic)} | ${r.offerShown} | ${yes(r.moneyOk)} | ${yes(r.greetingAndAbout)} | ${yes(r.problemFirst)} | ${r.questionsAnswered} | ${r.upworkChars} |`,
  );
  return `${[...head, ...body].join('\n')}\n`;
}

describe('the proposal rubric (issue 21), template path, en and zh-CN', () => {
  it('has at least 12 issues and 4 job posts, of every kind', () => {
    expect(Object.keys(ISSUES).length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(POSTS).length).toBeGreaterThanOrEqual(4);
    const kinds = new Set(Object.values(ISSUES).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(
      ['bug', 'docs', 'feature', 'flaky-test', 'performance', 'question'].sort(),
    );
  });

  it('would fail the draft the issue complained about', () => {
    // Quoted from issue 21: the template before it, for tidewave/queue#812.
    const old =
      'tidewave/queue is missing something users ask for: Support Redis Streams as a queue backend. The report has no reproduction yet; building one is the first step. 11 comments and 0 reactions so far…\n1. Reproduce the problem and capture it in a failing Go test…\n13 h × 90 USD/h = 1170 USD';
    expect(SELF_DEFEATING.test(old)).toBe(true);
    expect(PLAN_SIGNS.feature.not!.test(old)).toBe(true);
    expect(PLAN_SIGNS.feature.has.test(old)).toBe(false);
    expect(oneMoneyFormat(old, 'en')).toEqual({ ok: false, tokens: ['90 USD', '1170 USD'] });
    expect(oneMoneyFormat('$1,200 and $1,170, or US$90', 'en').ok).toBe(false);
    expect(oneMoneyFormat('US$1,200 与 ¥3,000', 'zh-CN').ok).toBe(true);
    expect(ISSUES['redis-streams-bounty']!.terms.filter((t) => old.includes(t))).toEqual([]);
  });

  it.each(rows.map((r) => [`${r.source} ${r.name} (${r.locale})`, r] as const))('%s', (_, r) => {
    expect(r.terms.length, 'concrete terms named').toBeGreaterThanOrEqual(2);
    expect(r.planFits, `plan fits a ${r.kind}`).toBe(true);
    expect(r.noBadStatistic, 'no self-defeating statistic').toBe(true);
    expect(r.offerShown, 'bounty, budget or price shown').not.toMatch(/^missing/);
    expect(r.moneyOk, 'one money format').toBe(true);
    expect(r.greetingAndAbout, 'greeting, about and signature').toBe(true);
    expect(r.problemFirst, 'the problem in their words on line 2').toBe(true);
    if (r.questionsAnswered !== '—') {
      const [done, all] = r.questionsAnswered.split('/');
      expect(done, 'every question answered').toBe(all);
    }
    expect(r.upworkChars, 'Upwork form length').toBeLessThan(UPWORK_MAX);
  });

  it('is the table in docs/proposals-rubric.md', () => {
    const want = table();
    if (process.env.UPDATE_RUBRIC) writeFileSync(RUBRIC_FILE, want);
    expect(readFileSync(RUBRIC_FILE, 'utf8')).toBe(want);
  });
});
