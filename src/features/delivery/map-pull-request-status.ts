import type { DeliveryConfig } from '../../config.ts';
import type { PullRequestState } from '../../domain/pull-request.ts';

/** The fields GitHub's REST pulls and webhook `pull_request` objects share. */
export interface PullRequestFlags {
  state: 'open' | 'closed';
  draft?: boolean | undefined;
  merged?: boolean | null | undefined;
  merged_at?: string | null | undefined;
}

/**
 * Merged beats closed (a merged PR is also `closed`); list responses carry
 * only `merged_at`, webhook bodies carry both.
 */
export function pullRequestState(pr: PullRequestFlags): PullRequestState {
  if (pr.merged === true || (pr.merged_at !== null && pr.merged_at !== undefined)) return 'merged';
  if (pr.state === 'closed') return 'closed';
  return pr.draft ? 'draft' : 'open';
}

/** The Notion status option a pull request state maps to (`delivery.notion.statusMap`). */
export function mapPullRequestStatus(
  state: PullRequestState,
  statusMap: DeliveryConfig['notion']['statusMap'],
): string {
  return statusMap[state];
}
