import type { CiConclusion } from '../../domain/pull-request.ts';

export interface CheckRunResult {
  status: string;
  conclusion?: string | null | undefined;
}

const FAILED = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure']);

/**
 * One CI result for a head commit: any failed run fails it, any unfinished run
 * keeps it pending, else success (neutral and skipped runs do not block).
 * No runs at all → undefined: there is nothing to report.
 */
export function combineCheckConclusions(runs: readonly CheckRunResult[]): CiConclusion | undefined {
  if (runs.length === 0) return undefined;
  if (runs.some((r) => r.status === 'completed' && FAILED.has(r.conclusion ?? '')))
    return 'failure';
  if (runs.some((r) => r.status !== 'completed')) return 'pending';
  return 'success';
}
