import type { WorkKind } from '../../domain/classify-work.ts';
import { hasReproduction } from '../../domain/estimate-hours.ts';
import type { PlanFacts } from '../../i18n/proposal-draft.ts';
import type { Brief } from './brief.ts';
import type { Ask } from './extract-ask.ts';
import { isGoIdentifier } from './find-identifiers.ts';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/**
 * What the plan names: the identifier the work is about (one in the title,
 * else in the criteria or "must" sentences, else the first; mixed case, not
 * a test, a flag or a command in capitals), a test, a benchmark.
 */
export function planFacts(brief: Brief, ask: Ask, kind: WorkKind): PlanFacts {
  const text = [brief.title, brief.body, ...brief.comments].join('\n');
  const test = /\b(Test[A-Z_]\w*)\b/.exec(text)?.[1] ?? '';
  const candidates = ask.identifiers.filter(
    (id) =>
      isGoIdentifier(id) &&
      !/^(Test|Benchmark|Err)[A-Z_]/.test(id) &&
      /[a-z]/.test(id) &&
      /[A-Z.]/.test(id),
  );
  const first = (where: string) => candidates.find((id) => where.includes(id));
  const subjectId =
    (kind === 'bug' ? ask.frame : undefined) ??
    first(brief.title) ??
    first([...ask.criteria, ...ask.musts].join('\n')) ??
    candidates[0];
  // `go test -bench` takes a benchmark's name: from the report's output, else the subject's last part.
  const benchName =
    /\bBenchmark(\w+)/.exec(text)?.[1] ??
    /^\s*([A-Z]\w*)-\d+\s+\d/m.exec(text)?.[1] ??
    /(\w+)$/.exec(subjectId ?? '')?.[1];
  return {
    subject: subjectId ? code(subjectId) : '',
    test,
    bench: benchName && /^\w+$/.test(benchName) ? benchName : '.',
    repro: hasReproduction(text) || ask.errors.length > 0,
    criteria: ask.criteria.length > 0,
    where: brief.kind,
  };
}
