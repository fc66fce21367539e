import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { PullRequest } from '../../domain/pull-request.ts';
import { getPullRequest, parsePullRequest } from './github-pulls.ts';
import type { DeliverySetup } from './setup.ts';
import { snapshotPullRequest } from './snapshot-pull-request.ts';
import { type SyncContext, type SyncOutcome, syncPullRequest } from './sync-pull-request.ts';

/** The GitHub events delivery sync listens to; GitHub's webhook setup picks these. */
export const DELIVERY_EVENTS = ['pull_request', 'pull_request_review', 'check_suite', 'check_run'];

/** pull_request actions that can change what the Notion item shows. */
const PULL_REQUEST_ACTIONS = new Set([
  'opened',
  'ready_for_review',
  'reopened',
  'converted_to_draft',
  'closed',
  'edited',
  'review_requested',
  'review_request_removed',
  'synchronize',
]);

// Only the fields read; zod drops the rest of GitHub's body rather than copy it.
const repository = z.object({ full_name: z.string() });
const prRefs = z.array(z.object({ number: z.number().int() }));
const payloadSchema = z.object({
  action: z.string().optional(),
  repository: repository.optional(),
  pull_request: z.unknown().optional(),
  check_suite: z.object({ pull_requests: prRefs }).optional(),
  check_run: z.object({ pull_requests: prRefs }).optional(),
});

/** What an event is about: the pull request itself when the body has it, else its number. */
export type WebhookTarget = { pr: PullRequest } | { repo: string; number: number };

/** Pure: the pull requests an event concerns, in `delivery.repos` only. */
export function webhookTargets(
  event: string,
  body: unknown,
  repos: readonly string[],
): WebhookTarget[] {
  const payload = payloadSchema.parse(body);
  const repo = payload.repository?.full_name;
  if (!repo || !repos.some((r) => r.toLowerCase() === repo.toLowerCase())) return [];
  switch (event) {
    case 'pull_request':
      if (!PULL_REQUEST_ACTIONS.has(payload.action ?? '')) return [];
      return [{ pr: parsePullRequest(payload.pull_request) }];
    case 'pull_request_review':
      return [{ pr: parsePullRequest(payload.pull_request) }];
    case 'check_suite':
    case 'check_run': {
      const refs = (payload.check_suite ?? payload.check_run)?.pull_requests ?? [];
      return refs.map((r) => ({ repo, number: r.number }));
    }
    default:
      return [];
  }
}

/**
 * What the store keeps of a delivery: its targets, a few hundred bytes, not
 * GitHub's body (tens of kilobytes, most of it repository and user records),
 * so recording it before the 202 writes little.
 */
export const encodeTargets = (targets: readonly WebhookTarget[]): string =>
  JSON.stringify({ targets });

/** The targets of a recorded delivery: encoded ones, or a whole GitHub body (older records). */
function recordedTargets(event: string, payload: string, repos: readonly string[]) {
  const parsed = JSON.parse(payload) as { targets?: unknown };
  if (Array.isArray(parsed.targets)) return parsed.targets as WebhookTarget[];
  return webhookTargets(event, parsed, repos);
}

/** One recorded webhook delivery, brought into Notion. Throws to be retried. */
export async function processWebhookEvent(
  deps: Pick<Deps, 'store' | 'logger' | 'now' | 'github'>,
  setup: DeliverySetup,
  event: string,
  payload: string,
  ctx: SyncContext,
): Promise<SyncOutcome[]> {
  const targets = recordedTargets(event, payload, setup.delivery.repos);
  const outcomes: SyncOutcome[] = [];
  for (const target of targets) {
    const pr =
      'pr' in target ? target.pr : await getPullRequest(deps.github, target.repo, target.number);
    outcomes.push(await syncPullRequest(deps, setup, await snapshotPullRequest(deps, pr), ctx));
  }
  return outcomes;
}
