/**
 * What kind of work a post asks for: the plan, the estimate and the draft's
 * opening follow from it (a feature is designed, not reproduced; a slowdown
 * is benchmarked before it is touched).
 */
export type WorkKind = 'bug' | 'feature' | 'performance' | 'docs' | 'question' | 'flaky-test';

export const WORK_KINDS: readonly WorkKind[] = [
  'bug',
  'feature',
  'performance',
  'docs',
  'question',
  'flaky-test',
];

/**
 * Each kind's signs, most specific first: a "flaky test" label beats "bug",
 * a "performance regression" is performance, "docs bug" is docs. Checked
 * against the labels, then the title, then the body; English and Chinese.
 */
const SIGNS: readonly [WorkKind, RegExp][] = [
  [
    'flaky-test',
    /\bflak(?:y|e|es|iness)\b|\bintermittent(?:ly)? fail|\btest.{0,20}fails? (?:sometimes|randomly|occasionally)|偶发|不稳定的测试|测试不稳定|随机失败/i,
  ],
  [
    'performance',
    /\bperf(?:ormance)?\b|\bslow(?:er|down|ness)?\b|\blatency\b|\bthroughput\b|\bbenchmarks?\b|\ballocations?\b|\bCPU usage\b|\bmemory usage\b|性能|变慢|太慢|延迟|内存占用/i,
  ],
  ['docs', /\bdocs?\b|\bdocumentation\b|\bgodoc\b|\breadme\b|\btypo\b|文档/i],
  [
    'bug',
    /\bbug\b|\bregression\b|\bcrash(?:es|ed)?\b|\bpanics?\b|\bbroken\b|\bdata race\b|\bdeadlock\b|\bleaks?\b|\bwrong\b|\bincorrect(?:ly)?\b|\bfails?\b|\berror\b|\bfix(?:es|ing)?\b|\bdrops?\b|崩溃|报错|错误|缺陷|异常|死锁|泄漏|竞态|卡死|修复/i,
  ],
  [
    'feature',
    /\bfeature\b|\benhancement\b|\bproposal\b|\bsupport (?:for )?\w|\badd(?:s|ing)? (?:a |an |support|the )|\ballow\b|\bimplement\b|\bnew\b|功能|支持|新增|实现/i,
  ],
  [
    'question',
    /\bquestion\b|\bsupport request\b|\bhow (?:do|can|to|should)\b|\bis it possible\b|\?\s*$|请问|如何|怎么|是否可以/i,
  ],
];

/** Labels say it most reliably; a title next; the body's words last. */
export function classifyWork(input: {
  labels: readonly string[];
  title: string;
  body: string;
  /** A job post: no labels, a short title, so its body's plain words count too. */
  post?: boolean;
}): WorkKind {
  const labels = input.labels.join('\n');
  for (const [kind, sign] of SIGNS) if (sign.test(labels)) return kind;
  const title = input.title;
  const asks = QUESTION_TITLE.test(title) && !SIGNS[3]![1].test(title);
  for (const [kind, sign] of SIGNS) {
    // "How do I …?" is a question even when it names a feature.
    if (asks && (kind === 'bug' || kind === 'feature')) return 'question';
    if (sign.test(title)) return kind;
  }
  // In a body the error text of a feature request would say "bug": only the strong signs count.
  const body = input.body.slice(0, 4000);
  for (const [kind, sign] of input.post ? SIGNS : BODY_SIGNS) if (sign.test(body)) return kind;
  return 'feature';
}

const QUESTION_TITLE =
  /^\s*(?:how|what|why|where|when|which|is (?:it|there)|can (?:i|we)|should|does)\b|\?\s*$|^\s*(?:请问|如何|怎么|为什么)/i;

const BODY_SIGNS: readonly [WorkKind, RegExp][] = [
  ['flaky-test', SIGNS[0]![1]],
  ['performance', /\bgo test -bench\b|\bns\/op\b|\ballocs\/op\b|\bperformance regression\b|性能/i],
  [
    'bug',
    /\bpanic:|\bfatal error:|\bgoroutine \d+ \[|\bsteps to reproduce\b|\bexpected\b[^.\n]{0,80}\bbut\b|复现步骤/i,
  ],
  ['question', /^\s*(?:how|what|why|is it|can i|请问)\b[^\n]*\?\s*$/im],
];
