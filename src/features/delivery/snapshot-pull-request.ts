import type { Deps } from '../../deps.ts';
import {
  type PullRequest,
  type PullRequestSnapshot,
  pullRequestRef,
} from '../../domain/pull-request.ts';
import { getCiConclusion, listApprovers } from './github-pulls.ts';

/**
 * Adds approvers and the head commit's CI result. Either may fail on its own
 * (logged): the property it feeds is then left as it is rather than cleared.
 */
export async function snapshotPullRequest(
  deps: Pick<Deps, 'github' | 'logger'>,
  pr: PullRequest,
): Promise<PullRequestSnapshot> {
  const warn = (what: string) => (error: unknown) => {
    deps.logger.warn({ err: error, pr: pullRequestRef(pr) }, `could not read ${what}`);
    return undefined;
  };
  const [approvers, qa] = await Promise.all([
    listApprovers(deps.github, pr.repo, pr.number).catch(warn('reviews')),
    getCiConclusion(deps.github, pr.repo, pr.headSha).catch(warn('check runs')),
  ]);
  return { ...pr, approvers, qa };
}
