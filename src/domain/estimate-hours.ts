import type { IssueFacts } from './proposal.ts';

/**
 * Hours for an issue, from the documented rules (see
 * docs/features.md → Estimate heuristics). Each rule adds a reason, so the
 * draft can say why.
 *
 * - Base by kind: docs 2 h, bug 4 h, feature/enhancement 8 h, otherwise 6 h.
 * - No reproduction (code block, stack trace or "steps to reproduce"): +2 h to build one.
 * - Concurrency, performance, security or breaking-change words: +4 h.
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
  | 'kind-docs'
  | 'kind-bug'
  | 'kind-feature'
  | 'kind-other'
  | 'no-repro'
  | 'hard-area'
  | 'long-discussion'
  | 'long-report'
  | 'good-first-issue'
  | 'tests-docs';

const HARD =
  /\b(race|deadlock|concurren\w*|goroutine leak|performance|slow|memory leak|security|cve|breaking)\b/i;

export function issueKind(labels: string[]): 'docs' | 'bug' | 'feature' | 'other' {
  const l = labels.map((x) => x.toLowerCase());
  const has = (re: RegExp) => l.some((x) => re.test(x));
  if (has(/\b(bug|regression|crash|panic)\b/)) return 'bug';
  if (has(/\b(docs?|documentation)\b/)) return 'docs';
  if (has(/\b(feature|enhancement|proposal)\b/)) return 'feature';
  return 'other';
}

export function hasReproduction(text: string): boolean {
  return /```|(^|\n) {4}\S|panic:|goroutine \d+ \[|steps to reproduce|reproduc|复现/i.test(text);
}

export function estimateHours(issue: IssueFacts): Estimate {
  const reasons: EstimateReason[] = [];
  const kind = issueKind(issue.labels);
  let hours = { docs: 2, bug: 4, feature: 8, other: 6 }[kind];
  reasons.push(`kind-${kind}`);
  const text = [issue.title, issue.body, ...issue.commentBodies].join('\n');
  if (!hasReproduction(text)) {
    hours += 2;
    reasons.push('no-repro');
  }
  if (HARD.test(`${issue.title}\n${issue.body}`)) {
    hours += 4;
    reasons.push('hard-area');
  }
  if (issue.comments > 10) {
    hours += 2;
    reasons.push('long-discussion');
  }
  if (issue.body.length > 2000) {
    hours += 2;
    reasons.push('long-report');
  }
  if (issue.labels.some((l) => /good first issue/i.test(l))) {
    hours /= 2;
    reasons.push('good-first-issue');
  }
  hours += 1;
  reasons.push('tests-docs');
  return { hours: Math.min(40, Math.max(2, Math.round(hours))), reasons };
}
