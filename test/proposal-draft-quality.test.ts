import { describe, expect, it } from 'vitest';
import { classifyWork } from '../src/domain/classify-work.ts';
import { detectBudget } from '../src/domain/detect-budget.ts';
import { formatMoney, formatMoneyRange } from '../src/domain/money.ts';
import { type Brief, signOffName } from '../src/features/proposals/brief.ts';
import { composeDraft, type DraftSettings } from '../src/features/proposals/compose-draft.ts';
import { extractAsk } from '../src/features/proposals/extract-ask.ts';
import { markdownProposal, plainProposal } from '../src/features/proposals/proposal-forms.ts';
import { radarCopy } from '../src/i18n/radar.ts';
import { issueBrief, postBrief } from './fixtures/proposals/index.ts';

const settings = (over: Partial<DraftSettings> = {}): DraftSettings => ({
  locale: 'en',
  githubLogin: 'jane-go',
  hourlyRate: 90,
  currency: 'USD',
  signature: 'Jane Doe — Go engineer',
  hook: '',
  about: 'Nine years of Go, mostly networking and storage.',
  ...over,
});

const brief = (over: Partial<Brief>): Brief => ({
  id: 'github:o/r#1',
  kind: 'issue',
  label: 'o/r#1',
  project: 'o/r',
  url: 'https://github.com/o/r/issues/1',
  title: 'Something',
  body: '',
  comments: [],
  commentCount: 0,
  labels: [],
  greet: 'maintainer',
  offer: undefined,
  ...over,
});

describe('the issue that asked for this (tidewave/queue#812)', () => {
  const d = composeDraft(issueBrief('redis-streams-bounty'), [], settings());
  const text = plainProposal(d.sections);

  it('greets the maintainer and opens with the ask in their words', () => {
    const [first, second] = text.split('\n');
    expect(first).toBe('Hi mkrueger,');
    expect(second).toBe(
      'You asked for "Support Redis Streams as a queue backend" (tidewave/queue#812).',
    );
  });

  it('names the actual ask: consumer groups and XAUTOCLAIM, not the title again', () => {
    expect(d.sections.problem).toContain(
      'Consumer groups: each worker pool reads through its own group',
    );
    expect(d.sections.problem).toContain('`XAUTOCLAIM`');
    expect(d.sections.problem).toContain('`StreamsBackend`');
  });

  it('plans a feature as design → implementation → tests → docs, never "reproduce"', () => {
    expect(d.sections.plan).not.toMatch(/reproduc/i);
    const steps = d.sections.plan.split('\n').filter((l) => /^\d\./.test(l));
    expect(steps.map((s) => s.slice(3, 20))).toEqual([
      'A short design no',
      'Implementation, o',
      'Tests for each cr',
      'Docs: godoc, READ',
    ]);
  });

  it('argues only with facts that help: no "0 reactions", no comment count', () => {
    expect(text).not.toMatch(/\b0 reactions|reactions|11 comments/);
  });

  it('quotes the $1,200 bounty in the listing’s format and reconciles the price with it', () => {
    expect(d.sections.price).toContain('For the $1,200 bounty: my estimate is 13 h');
    expect(d.sections.price).toContain('the bounty covers it');
    expect(text).not.toMatch(/\d USD|1170/);
    // The radar shows the same money the same way.
    expect(radarCopy('en').bounty(1200, 'USD')).toBe(':moneybag: $1,200');
    expect(radarCopy('zh-CN').bounty(1200, 'USD')).toBe(
      `:moneybag: ${formatMoney(1200, 'USD', 'zh-CN')}`,
    );
  });

  it('closes with proposals.about and the signature', () => {
    expect(
      text.endsWith('Nine years of Go, mostly networking and storage.\n\nJane Doe — Go engineer'),
    ).toBe(true);
  });
});

describe('classifyWork', () => {
  const kind = (labels: string[], title: string, body = '') =>
    classifyWork({ labels, title, body });
  it('reads labels first, then the title, then the body’s strong signs', () => {
    expect(kind(['flaky', 'bug'], 'x')).toBe('flaky-test');
    expect(kind(['performance', 'regression'], 'x')).toBe('performance');
    expect(kind(['documentation', 'bug'], 'x')).toBe('docs');
    expect(kind(['kind/feature'], 'x')).toBe('feature');
    expect(kind(['question'], 'x')).toBe('question');
    expect(kind([], 'How do I set a custom dialer?')).toBe('question');
    expect(kind([], 'Why does Close panic?')).toBe('bug');
    expect(kind([], 'Encoder.Encode is 3x slower since v2.3.0')).toBe('performance');
    expect(kind([], 'TestServer_Shutdown is flaky on CI')).toBe('flaky-test');
    expect(kind([], 'Support Redis Streams')).toBe('feature');
    expect(kind([], 'Widget', 'goroutine 1 [running]:\npanic: boom')).toBe('bug');
    expect(kind([], 'Widget', 'nothing to see')).toBe('feature');
    expect(kind([], '连接池在高并发下出现死锁')).toBe('bug');
    expect(kind([], '为订单服务实现 Kafka 消费者')).toBe('feature');
    expect(kind([], '文档：补充重试说明')).toBe('docs');
  });
});

describe('extractAsk', () => {
  it('pulls acceptance criteria, musts, identifiers, errors and versions out of a report', () => {
    const ask = extractAsk({
      title: 'pool: panic when Close races with Get',
      body: [
        'On v1.4.2 with Go 1.22.3, `Pool.Close()` while `Pool.Get(ctx)` waits:',
        '```',
        'panic: send on closed channel',
        'goroutine 41 [running]:',
        'github.com/acme/pool.(*Pool).put(0xc0001a2000)',
        '```',
        'Get should return `ErrPoolClosed`.',
        '',
        '## Acceptance criteria',
        '- [ ] no panic under `go test -race -count=100`',
        '- [x] `RetryPolicy{Max: 5}` documented',
      ].join('\n'),
      comments: [],
    });
    expect(ask.criteria).toEqual([
      'no panic under `go test -race -count=100`',
      '`RetryPolicy{Max: 5}` documented',
    ]);
    expect(ask.musts).toEqual(['Get should return `ErrPoolClosed`.']);
    expect(ask.errors).toEqual(['panic: send on closed channel']);
    expect(ask.versions).toEqual(['v1.4.2', 'Go 1.22.3']);
    expect(ask.frame).toBe('(*Pool).put');
    expect(ask.identifiers).toEqual(
      expect.arrayContaining([
        'Pool.Close',
        'Pool.Get',
        'ErrPoolClosed',
        'RetryPolicy',
        '(*Pool).put',
      ]),
    );
  });

  it('reads a list announced at the end of a line, and a Chinese one', () => {
    const ask = extractAsk({
      title: '',
      body: '把订单状态写入 MySQL。要求：\n- 处理必须幂等\n- 失败进入死信主题\n\n其他',
      comments: [],
    });
    expect(ask.criteria).toEqual(['处理必须幂等', '失败进入死信主题']);
  });

  it('finds the questions a job post asks applicants, and its skills', () => {
    const ask = extractAsk({
      title: '',
      body: 'Build a CLI with the AWS SDK and gRPC.\n\nWhen applying, please answer:\n1. Have you used cobra?\n2. How long would this take?\n\nThanks',
      comments: [],
    });
    expect(ask.questions).toEqual(['Have you used cobra?', 'How long would this take?']);
    expect(ask.skills).toEqual(['gRPC', 'AWS']);
  });

  it('skips brand names and prose capitals as identifiers', () => {
    const ask = extractAsk({
      title: '',
      body: 'Runs on GitHub Actions with PostgreSQL. IMPORTANT: the README says TODO. Use XAUTOCLAIM.',
      comments: [],
    });
    expect(ask.identifiers).toEqual(['XAUTOCLAIM']);
  });
});

describe('money in one format, by locale', () => {
  it('formats with Intl.NumberFormat: cents only when there are any', () => {
    expect(formatMoney(1200, 'USD', 'en')).toBe('$1,200');
    expect(formatMoney(1170.5, 'USD', 'en')).toBe('$1,170.50');
    expect(formatMoney(1200, 'USD', 'zh-CN')).toBe('US$1,200');
    expect(formatMoney(300, 'EUR', 'en')).toBe('€300');
    expect(formatMoney(3000, 'CNY', 'zh-CN')).toBe('¥3,000');
    expect(formatMoneyRange(40, 60, 'USD', 'en')).toBe('$40–$60');
    expect(formatMoneyRange(50, 50, 'USD', 'en')).toBe('$50');
  });
});

describe('detectBudget', () => {
  it.each([
    ['Hourly: $40.00-$60.00', { kind: 'hourly', min: 40, max: 60, currency: 'USD' }],
    ['Hourly Range\n$40.00 - $60.00', { kind: 'hourly', min: 40, max: 60, currency: 'USD' }],
    ['We pay $50/hr', { kind: 'hourly', min: 50, max: 50, currency: 'USD' }],
    ['$500.00\nFixed-price', { kind: 'fixed', amount: 500, currency: 'USD' }],
    ['Budget: $800 fixed', { kind: 'fixed', amount: 800, currency: 'USD' }],
    ['Est. budget: $1.5k', { kind: 'fixed', amount: 1500, currency: 'USD' }],
    ['预算 3000 元，固定价格', { kind: 'fixed', amount: 3000, currency: 'CNY' }],
    ['We have 500 users and 3 servers.', undefined],
  ])('%j', (text, expected) => {
    expect(detectBudget(text)).toEqual(expected);
  });

  it('finds the client’s name in a sign-off', () => {
    expect(signOffName('Fix it please.\n\nThanks,\nSarah\n')).toBe('Sarah');
    expect(signOffName('Thanks, Daniel')).toBe('Daniel');
    expect(signOffName('Thanks for reading')).toBeUndefined();
  });
});

describe('price reconciled with the bounty or budget', () => {
  const price = (over: Partial<Brief>, s: Partial<DraftSettings> = {}) =>
    composeDraft(brief({ labels: ['bug'], ...over }), [], settings(s)).sections.price.split(
      '\n',
    )[0];

  it('quotes a bounty that covers the estimate, or says why the estimate is above it', () => {
    expect(price({ offer: { kind: 'bounty', amount: 1000, currency: 'USD' } })).toBe(
      'For the $1,000 bounty: my estimate is 7 h (bug fix, no reproduction yet), and the bounty covers it.',
    );
    expect(price({ offer: { kind: 'bounty', amount: 300, currency: 'USD' } })).toBe(
      'The bounty is $300; my estimate is 7 h (bug fix, no reproduction yet), $630 at $90/h. I will do it for the bounty if the scope stays as listed above.',
    );
    expect(price({ offer: { kind: 'bounty', amount: 0, currency: 'USD' } })).toContain(
      'There is a bounty on this issue',
    );
  });

  it('meets a fixed budget, or says what it buys; states an hourly range against the rate', () => {
    const post = { kind: 'post' as const, label: '', project: '', labels: [] };
    expect(
      price({
        ...post,
        body: 'Fix the crash.',
        offer: { kind: 'fixed', amount: 800, currency: 'USD' },
      }),
    ).toContain('so I will do it for $800.');
    expect(
      price({
        ...post,
        body: 'Fix the crash.',
        offer: { kind: 'fixed', amount: 200, currency: 'USD' },
      }),
    ).toContain('so for $200 we would first agree which parts to do.');
    expect(
      price({
        ...post,
        body: 'Fix the crash.',
        offer: { kind: 'hourly', min: 40, max: 60, currency: 'USD' },
      }),
    ).toMatch(/^Your range is \$40–\$60\/h; my rate is \$90\/h and my estimate \d+ h/);
    expect(
      price({
        ...post,
        body: 'Ongoing work, 30+ hrs/week.',
        offer: { kind: 'hourly', min: 40, max: 60, currency: 'USD' },
      }),
    ).toBe(
      'Your range is $40–$60/h; my rate is $90/h, billed weekly with a short note of what shipped.',
    );
    expect(
      price({ offer: { kind: 'bounty', amount: 1000, currency: 'USD' } }, { locale: 'zh-CN' }),
    ).toContain('按 US$1,000 的悬赏完成');
  });
});

describe('the forms a draft is pasted in', () => {
  const sections = {
    problem: 'Hi @octocat,\nThe error:\n```go\npanic: boom\n```\n## Heading',
    plan: '1. Fix `(*Pool).Put` and **test** it; cc @someone and `@inside` code.',
    evidence: '',
    price: '$630.',
  };
  it('plain (Upwork): no fences, backticks, bold or headings; code indented', () => {
    expect(plainProposal(sections)).toBe(
      'Hi @octocat,\nThe error:\n    panic: boom\nHeading\n\n1. Fix (*Pool).Put and test it; cc @someone and @inside code.\n\n$630.',
    );
  });
  it('Markdown (GitHub): as written, but a quoted @login pings no one', () => {
    const md = markdownProposal(sections);
    expect(md).toContain('```go\npanic: boom\n```');
    expect(md).toContain('Hi @<!-- -->octocat,');
    expect(md).toContain('cc @<!-- -->someone and `@inside` code.');
  });
});

describe('job posts feed the same composer', () => {
  it('answers each question the client asked, with what the draft knows', () => {
    const d = composeDraft(postBrief('questions-s3-cli'), [], settings({ githubLogin: undefined }));
    const plan = d.sections.plan;
    expect(plan).toContain('Your questions:\n1. Have you built CLIs with cobra before?\n   ');
    expect(plan).toMatch(
      /How long would this take you\?\n {3}About \d working days? \(\d+ h estimate\)\./,
    );
    expect(plan).toMatch(
      /without a real bucket\?\n {3}Behind a small interface with an in-memory fake/,
    );
    expect(plainProposal(d.sections).split('\n').slice(0, 2)).toEqual([
      'Hi Daniel,',
      'In your words: "Build a Go CLI that syncs local folders to S3"',
    ]);
  });

  it('turns a vague post into its symptoms and a plan for them', () => {
    const d = composeDraft(postBrief('vague-backend'), [], settings());
    expect(d.sections.problem).toContain('It is slow sometimes and it crashed twice last week.');
    expect(d.sections.price).toContain('Your budget is $200 fixed');
  });
});
