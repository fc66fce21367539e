import { runExactlyOnce } from '../../scheduling/exactly-once.ts';
import type { ScheduledJob } from '../../scheduling/scheduler.ts';
import { type PollReport, pollLeads } from './poll-leads.ts';
import type { SyncDeps } from './sync-lead.ts';

export const LEADS_POLL_JOB = 'leads:poll';
/** Held while a poll runs: two replicas' slots (or a slow one and the next) never overlap. */
export const LEADS_POLLING = { job: 'leads:polling', slot: 'running' } as const;
const LEASE_MS = 15 * 60_000;
/** Poll slots are forgotten after a week: 1,008 rows at the default cron, not one a slot forever. */
const KEEP_SLOTS_MS = 7 * 86_400_000;

/**
 * One poll per `leads.pollCron` slot, whatever the number of replicas:
 * the slot is claimed in the store, and a poll still running holds a lock the
 * next one yields to. A failed poll (GitHub rate-limited or down) gives its
 * slot back and the next slot polls again; nothing it had done is redone.
 */
export async function runLeadsPoll(
  deps: SyncDeps,
  slotTime: Date,
): Promise<PollReport | 'already' | 'busy'> {
  const outcome = await runExactlyOnce(
    deps,
    { job: LEADS_POLL_JOB, slot: slotTime.toISOString(), leaseMs: LEASE_MS },
    async () => {
      const value = await pollAlone(deps);
      return { value, result: value === 'busy' ? 'another_poll_running' : JSON.stringify(value) };
    },
  );
  await deps.store.jobs.pruneSlots(LEADS_POLL_JOB, new Date(deps.now().getTime() - KEEP_SLOTS_MS));
  return outcome.ran ? outcome.value : 'already';
}

/** One poll at a time across replicas; `busy` when another is running. */
async function pollAlone(deps: SyncDeps): Promise<PollReport | 'busy'> {
  const inner = await runExactlyOnce(
    deps,
    { ...LEADS_POLLING, leaseMs: LEASE_MS, mode: 'lock' },
    async () => ({ value: await pollLeads(deps) }),
  );
  return inner.ran ? inner.value : 'busy';
}

/**
 * At start-up: what changed while the bot was down, and posts a crash left
 * unmade. Not a slot: replicas started together each poll in turn (the lock),
 * and the second finds nothing left to do.
 */
export async function pollAtStart(deps: SyncDeps): Promise<void> {
  if (deps.config.leads && deps.config.env.GITHUB_TOKEN) await pollAlone(deps);
}

export function leadsJobs(deps: SyncDeps): ScheduledJob[] {
  const leads = deps.config.leads;
  if (!leads) return [];
  // Pull request details come from GraphQL, which GitHub serves to authenticated callers only.
  if (!deps.config.env.GITHUB_TOKEN) {
    deps.logger.warn(
      'leads are not polled: set GITHUB_TOKEN (GitHub serves GraphQL only with one)',
    );
    return [];
  }
  return [
    {
      name: LEADS_POLL_JOB,
      cron: leads.pollCron,
      timezone: deps.config.timezone,
      run: async (slotTime) => {
        const report = await runLeadsPoll(deps, slotTime);
        deps.logger.debug({ report }, 'leads polled');
      },
    },
  ];
}
