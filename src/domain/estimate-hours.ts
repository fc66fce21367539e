import { classifyWork, type WorkKind } from './classify-work.ts';

/**
 * Hours for a piece of work, from the documented rules (see
 * docs/features.md → Estimate heuristics). Each rule adds a reason, so the
 * draft can say why (and why a price differs from a bounty or budget).
 *
 * - Base by kind: docs and questions 2 h, bugs and flaky tests 4 h,
 *   performance 6 h, features 8 h.
 * - A bug without a reproduction (code block, stack trace or "steps to
 *   reproduce"): +2 h to build one. A slowdown without numbers: +2 h for a benchmark.
 * - Concurrency, security or breaking-change words (outside performance work): +4 h.
 * - More than four acceptance criteria: +2 h.
 * - A long discussion (more than 10 comments) means unclear scope: +2 h.
 * - A long report (body over 2,000 chars): +2 h.
 * - "good first issue": halved.
 * - Tests and docs: +1 h, always.
 * Rounded to whole hours, between 2 and 40.
 */
export interface Estimate {
  hours: number;
  reasons: EstimateReason[];
}

export type EstimateReason =
  | `kind-${WorkKind}`
  | 'no-repro'
  | 'no-benchmark'
  | 'hard-area'
  | 'many-criteria'
  | 'long-discussion'
  | 'long-report'
  | 'good-first-issue'
  | 'tests-docs';

/** What the estimate reads: the post, its kind when already known, and how long its asks are. */
export interface WorkToEstimate {
  title: string;
  body: string;
  labels: readonly string[];
  commentBodies: readonly string[];
  /** How many comments there are (more than were read). */
  comments: number;
  kind?: WorkKind;
  /** How many acceptance criteria the post lists. */
  criteria?: number;
}

const BASE: Record<WorkKind, number> = {
  docs: 2,
  question: 2,
  bug: 4,
  'flaky-test': 4,
  performance: 6,
  feature: 8,
};

const HARD = /\b(race|deadlock|concurren\w*|goroutine leak|memory leak|security|cve|breaking)\b/i;
const NUMBERS =
  /\bns\/op\b|\bB\/op\b|\ballocs\/op\b|\bp9\d\b|\d+(?:\.\d+)?\s?(?:ms|µs|us|s)\b|\d+\s?%/;

export function hasReproduction(text: string): boolean {
  return /```|(^|\n) {4}\S|panic:|goroutine \d+ \[|steps to reproduce|reproduc|复现/i.test(text);
}

export function estimateHours(work: WorkToEstimate): Estimate {
  const reasons: EstimateReason[] = [];
  const kind = work.kind ?? classifyWork(work);
  let hours = BASE[kind];
  reasons.push(`kind-${kind}`);
  const text = [work.title, work.body, ...work.commentBodies].join('\n');
  if (kind === 'bug' && !hasReproduction(text)) {
    hours += 2;
    reasons.push('no-repro');
  }
  if (kind === 'performance' && !NUMBERS.test(text)) {
    hours += 2;
    reasons.push('no-benchmark');
  }
  if (kind !== 'performance' && HARD.test(`${work.title}\n${work.body}`)) {
    hours += 4;
    reasons.push('hard-area');
  }
  if ((work.criteria ?? 0) > 4) {
    hours += 2;
    reasons.push('many-criteria');
  }
  if (work.comments > 10) {
    hours += 2;
    reasons.push('long-discussion');
  }
  if (work.body.length > 2000) {
    hours += 2;
    reasons.push('long-report');
  }
  if (work.labels.some((l) => /good first issue/i.test(l))) {
    hours /= 2;
    reasons.push('good-first-issue');
  }
  hours += 1;
  reasons.push('tests-docs');
  return { hours: Math.min(40, Math.max(2, Math.round(hours))), reasons };
}
