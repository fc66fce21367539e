import { firstFrame, identifiersIn } from './find-identifiers.ts';

/**
 * The concrete ask of a post, pulled out of its body and comments so the
 * draft can name it: the acceptance criteria, the "should/must/expected"
 * sentences, code identifiers, the error text, versions, the questions a
 * client asks applicants and the skills a job post names. Pure and
 * deterministic; everything it returns is untrusted text, clipped.
 */
export interface Ask {
  criteria: string[];
  musts: string[];
  identifiers: string[];
  errors: string[];
  versions: string[];
  questions: string[];
  skills: string[];
  /** What the poster sees go wrong (slow, crashes, errors), in their sentences. */
  symptoms: string[];
  /** The function a Go stack trace in the report fails in, e.g. `(*Pool).put`. */
  frame: string | undefined;
}

const CRITERIA_HEADING =
  /^\s*(?:#+\s*|\*\*)?(?:acceptance criteria|requirements?|deliverables?|definition of done|must[- ]haves?|scope|what (?:we|i) need|what needs to be done|tasks?|to ?do|the work|验收标准|需求|交付(?:物|内容)?|任务)\b/i;
const QUESTION_HEADING =
  /^\s*(?:#+\s*|\*\*)?(?:questions?|screening questions|please answer|in your (?:proposal|cover letter|application)|when applying|to apply|请回答|问题)/i;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,2}[.)]|[a-z][.)])\s+(?:\[[ xX]\]\s+)?(.+)$/;
const CHECKBOX = /^\s*[-*+]\s+\[[ xX]\]\s+(.+)$/;
const MUST =
  /\b(?:should|must|needs? to|has to|have to|expected|expect|required to|ought to|shall)\b|应该|必须|需要|期望|应当|要求/i;
const ERROR_LINE =
  /(?:^|\s)(?:panic:|fatal error:|error:|Error:|--- FAIL|FAIL\b|undefined:|cannot use|WARNING: DATA RACE|DATA RACE|segmentation violation|deadlock!)/;
const VERSION = /\b(?:v\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?|go ?1\.\d+(?:\.\d+)?)\b/gi;
/** Skills a Go job post names, as the draft spells them. */
const SKILLS: readonly [string, RegExp][] = [
  ['Go', /\b(?:go(?:lang)?)\b(?!-)/i],
  ['gRPC', /\bgrpc\b/i],
  ['Protobuf', /\bproto(?:buf|col buffers)\b/i],
  ['Kubernetes', /\bk(?:ubernetes|8s)\b/i],
  ['Docker', /\bdocker\b/i],
  ['PostgreSQL', /\bpostgre(?:s|sql)\b/i],
  ['MySQL', /\bmysql\b/i],
  ['SQLite', /\bsqlite\b/i],
  ['Redis', /\bredis\b/i],
  ['Kafka', /\bkafka\b/i],
  ['NATS', /\bnats\b/i],
  ['RabbitMQ', /\brabbitmq\b/i],
  ['MongoDB', /\bmongo(?:db)?\b/i],
  ['Elasticsearch', /\belastic(?:search)?\b/i],
  ['AWS', /\baws\b|\blambda\b/i],
  ['GCP', /\bgcp\b|google cloud/i],
  ['Terraform', /\bterraform\b/i],
  ['GraphQL', /\bgraphql\b/i],
  ['REST', /\brest(?:ful)?\b(?! of)/i],
  ['WebSocket', /\bweb ?sockets?\b/i],
  ['Prometheus', /\bprometheus\b/i],
  ['OpenTelemetry', /\bopen ?telemetry\b|\botel\b/i],
  ['GitHub Actions', /\bgithub actions\b/i],
  ['microservices', /\bmicro-?services?\b/i],
  ['Gin', /\bgin\b(?: framework|-gonic)?/],
  ['Stripe', /\bstripe\b/i],
];

/** One line, at most `max` chars; a cut never leaves a code span open. */
const clipLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  let cut = t.slice(0, max - 1).trimEnd();
  if ((cut.match(/`/g)?.length ?? 0) % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('`')).trimEnd();
  return `${cut}…`;
};

/** Markdown's own marks off a line, so a quote reads as words. */
const plainWords = (s: string) =>
  s
    .replace(/\*\*|__|~~/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^>\s?/, '')
    .trim();

/** The text outside fenced code blocks, and the fenced blocks' contents. */
export function splitCode(text: string): { prose: string; code: string[] } {
  const code: string[] = [];
  const prose = text.replace(/```[^\n]*\n?([\s\S]*?)(?:```|$)/g, (_, body: string) => {
    if (body.trim()) code.push(body);
    return '\n';
  });
  return { prose: prose.replace(/<!--[\s\S]*?-->/g, ''), code };
}

const uniq = (items: string[], max: number) => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
    if (out.length === max) break;
  }
  return out;
};

/** A line that ends by announcing a list: "… Requirements:", "…。要求：". */
const ENDS_WITH_HEADING =
  /(?:acceptance criteria|requirements?|deliverables?|what (?:we|i) need|要求|需求|交付内容|验收标准)\s*[:：]\s*$/i;

function listUnder(lines: string[], heading: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!heading.test(line) && !(heading === CRITERIA_HEADING && ENDS_WITH_HEADING.test(line)))
      continue;
    // The heading line may carry the first item after a colon ("Questions: 1) …").
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() === '') {
        if (out.length > 0 && !LIST_ITEM.test(lines[j + 1] ?? '')) break;
        continue;
      }
      const item = LIST_ITEM.exec(line);
      if (!item) break;
      out.push(plainWords(item[1]!));
    }
  }
  return out;
}

/** Sentences of prose (not list items under a heading, not quotes of code). */
function sentences(prose: string): string[] {
  return prose
    .split('\n')
    .map((l) => l.replace(LIST_ITEM, '$1'))
    .flatMap((l) => l.split(/(?<=[.!?。！？])\s+|(?<=[。！？])/))
    .map(plainWords)
    .filter((s) => s.length >= 8);
}

const SYMPTOM =
  /\bslow(?:er|ly|s)?\b|\bcrash(?:es|ed|ing)?\b|\bpanic|\berrors?\b|\bfail(?:s|ed|ing|ures?)?\b|\bdrops?\b|\bdropped\b|\btime ?outs?\b|\btimed out\b|\bleak|\bhangs?\b|\bstuck\b|\bfreez|慢|崩溃|报错|超时|卡住|失败/i;

export function extractAsk(input: {
  title: string;
  body: string;
  comments: readonly string[];
}): Ask {
  const { prose, code } = splitCode(input.body);
  const fromComments = input.comments.map(splitCode);
  const lines = prose.split('\n');

  const listed = [
    ...listUnder(lines, CRITERIA_HEADING),
    ...lines.flatMap((l) => {
      const m = CHECKBOX.exec(l);
      return m ? [plainWords(m[1]!)] : [];
    }),
  ];
  const criteria = uniq(
    listed.filter((c) => !c.endsWith('?')).map((c) => clipLine(c, 120)),
    6,
  );

  const asked = [
    ...listUnder(lines, QUESTION_HEADING),
    ...sentences(prose).filter((s) => /[?？]$/.test(s)),
  ];
  const questions = uniq(
    asked.filter((q) => /[?？]$/.test(q) || q.length < 140).map((q) => clipLine(q, 140)),
    5,
  );

  const criteriaKeys = new Set(criteria.map((c) => c.toLowerCase()));
  const musts = uniq(
    [prose, ...fromComments.map((c) => c.prose)]
      .flatMap(sentences)
      .filter(
        (s) =>
          MUST.test(s) && !/[?？]$/.test(s) && !criteriaKeys.has(clipLine(s, 120).toLowerCase()),
      )
      .map((s) => clipLine(s, 140)),
    3,
  );

  const errorSources = [code, prose, ...fromComments.flatMap((c) => [c.code, c.prose])].flat();
  const errors = uniq(
    errorSources.flatMap((t) =>
      t
        .split('\n')
        .filter((l) => ERROR_LINE.test(l) && l.trim().length < 300)
        .map((l) => clipLine(l.replace(/^\s*[-*>]\s+/, ''), 160)),
    ),
    2,
  );

  const all = `${input.title}\n${prose}\n${code.join('\n')}`;
  const versions = uniq(
    [...all.matchAll(VERSION)].map((m) => m[0].replace(/^go ?/i, 'Go ')),
    3,
  );

  const traces = [...code, ...fromComments.flatMap((c) => c.code)];
  const identifiers = uniq(identifiersIn(`${input.title}\n${prose}`, traces), 6);
  const symptoms = uniq(
    sentences(prose)
      .filter((s) => SYMPTOM.test(s) && !MUST.test(s) && !/[?？]$/.test(s))
      .map((s) => clipLine(s, 140)),
    2,
  );

  const skills = SKILLS.filter(([, re]) => re.test(`${input.title}\n${prose}`)).map(([n]) => n);

  return {
    criteria,
    musts,
    identifiers,
    errors,
    versions,
    questions,
    skills: skills.slice(0, 6),
    symptoms,
    frame: firstFrame(traces),
  };
}
