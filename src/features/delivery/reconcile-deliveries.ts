import { queryDeliveryItems } from '../../clients/notion-delivery.ts';
import type { Deps } from '../../deps.ts';
import type { DeliveryPropertyKinds } from '../../domain/delivery-schema.ts';
import { pullRequestRef } from '../../domain/pull-request.ts';
import { listPullRequestsUpdatedSince } from './github-pulls.ts';
import type { DeliverySetup } from './setup.ts';
import { snapshotPullRequest } from './snapshot-pull-request.ts';
import { indexDeliveryItems, type SyncOutcome, syncPullRequest } from './sync-pull-request.ts';

export interface ReconcileReport {
  repos: number;
  /** Repos whose pull request list answered 304: nothing changed. */
  notModified: number;
  /** Pull requests updated since the last run, looked at this time. */
  checked: number;
  updated: Extract<SyncOutcome, { kind: 'updated' }>[];
  unchanged: number;
  unmatched: Extract<SyncOutcome, { kind: 'unmatched' }>[];
  /** A repo (owner/name) or a pull request (owner/name#12) that could not be synced. */
  failed: Array<{ repo: string; error: string }>;
}

/**
 * Reconciliation (cron and `/gigs sync`): pull requests of `delivery.repos`
 * updated since the last run — one conditional request per unchanged repo —
 * brought into Notion. The delivery items are read once per run, and only
 * when some repo changed. A repo's cursor moves only once all its pull
 * requests are synced, so a failure is retried next run.
 */
export async function reconcileDeliveries(
  deps: Pick<Deps, 'store' | 'logger' | 'now' | 'github'>,
  setup: DeliverySetup,
  kinds: DeliveryPropertyKinds,
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    repos: setup.delivery.repos.length,
    notModified: 0,
    checked: 0,
    updated: [],
    unchanged: 0,
    unmatched: [],
    failed: [],
  };
  let index: ReturnType<typeof indexDeliveryItems> | undefined;
  for (const repo of setup.delivery.repos) {
    try {
      const cursor = await deps.store.delivery.repoCursor(repo);
      const page = await listPullRequestsUpdatedSince(deps.github, repo, cursor);
      if (page.notModified) {
        report.notModified += 1;
        continue;
      }
      let since = cursor.since;
      // After a failed pull request the cursor stays put (and the ETag is not
      // kept), so the next run reads it again; the others are synced anyway
      // and, already written, cost no second write.
      let stuck = false;
      if (page.pulls.length > 0) {
        index ??= indexDeliveryItems(await queryDeliveryItems(setup.notion, setup.delivery.notion));
        // Oldest first, so the cursor can advance as each one lands.
        for (const pr of [...page.pulls].reverse()) {
          report.checked += 1;
          let outcome: SyncOutcome;
          try {
            outcome = await syncPullRequest(deps, setup, await snapshotPullRequest(deps, pr), {
              kinds,
              index,
            });
          } catch (error) {
            stuck = true;
            deps.logger.error(
              { err: error, pr: pullRequestRef(pr) },
              'could not sync a pull request',
            );
            report.failed.push({
              repo: pullRequestRef(pr),
              error: (error as Error).message ?? String(error),
            });
            continue;
          }
          if (outcome.kind === 'updated') {
            report.updated.push(outcome);
            index.byId.set(outcome.item.pageId, { ...outcome.item, ...applied(outcome) });
          } else if (outcome.kind === 'unchanged') report.unchanged += 1;
          else report.unmatched.push(outcome);
          if (!stuck && (!since || pr.updatedAt > since)) since = pr.updatedAt;
        }
      }
      await deps.store.delivery.saveRepoCursor(
        repo,
        { etag: stuck ? undefined : page.etag, since },
        deps.now(),
      );
    } catch (error) {
      deps.logger.error({ err: error, repo }, 'reconciliation failed for a repo');
      report.failed.push({ repo, error: (error as Error).message ?? String(error) });
    }
  }
  deps.logger.info(
    {
      repos: report.repos,
      notModified: report.notModified,
      checked: report.checked,
      updated: report.updated.map((u) => pullRequestRef(u.pr)),
      unmatched: report.unmatched.length,
    },
    'delivery reconciliation done',
  );
  return report;
}

/** The item as it now shows, so a second PR pointing at it compares against the truth. */
function applied(outcome: Extract<SyncOutcome, { kind: 'updated' }>) {
  const { change } = outcome;
  return {
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.pr !== undefined ? { prUrl: change.pr } : {}),
    ...(change.qa !== undefined ? { qa: change.qa } : {}),
  };
}
