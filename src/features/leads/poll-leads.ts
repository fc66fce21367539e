import type { LeadRecord } from '../../domain/lead.ts';
import { fetchPull } from './github-pulls.ts';
import {
  announceValidation,
  editLeadMessage,
  ensureLeadMessage,
  postUnknownLogin,
} from './presenter.ts';
import { fetchPullDetails } from './pull-details.ts';
import { type SearchChanges, same, searchChanges } from './search-changes.ts';
import { type SyncDeps, syncLead } from './sync-lead.ts';

const UNKNOWN_LOGIN = 'leads:unknown-login';

export interface PollReport {
  /** `unchanged`: the search answered 304. */
  search: 'changed' | 'unchanged' | 'unknown-login' | 'off';
  /** Pull requests whose details were fetched. */
  fetched: number;
  gone: number;
}

/**
 * One poll of every lead. What changed is found for (almost) free: one
 * conditional search of the login's pull requests (304 while nothing
 * changed), one conditional REST request per watched pull request the search
 * does not cover (304: free), plus those whose CI was still running. Only
 * the changed ones are fetched, 50 to a GraphQL query, and only those touch
 * Slack. The search's ETag is kept only once every change it showed has been
 * applied, so a poll cut short by GitHub or Slack is finished by the next one.
 */
export async function pollLeads(deps: SyncDeps): Promise<PollReport> {
  const { store } = deps;
  const now = deps.now();
  const login = deps.config.proposals.githubLogin;
  const leads = await store.leads.all();
  const byId = new Map(leads.map((l) => [l.id, l]));
  const wanted = new Set<string>();
  const etags = new Map<string, string | undefined>();
  const report: PollReport = { search: 'off', fetched: 0, gone: 0 };
  let search: SearchChanges | undefined;
  if (login) {
    const found = await searchChanges(deps, login, byId);
    if (found === 'unknown-login') await tellUnknownLogin(deps, login);
    report.search = typeof found === 'string' ? found : 'changed';
    if (typeof found === 'object') {
      search = found;
      for (const id of found.wanted) wanted.add(id);
    }
  }
  // The search covers the login's own pull requests, when it could run.
  const covered = report.search === 'changed' || report.search === 'unchanged' ? login : undefined;
  for (const l of leads) {
    if (l.state !== 'open') continue;
    if (l.facts.ci === 'pending') wanted.add(l.id);
    if (covered && same(l.author, covered)) continue;
    const [owner = '', repo = ''] = l.repo.split('/');
    const r = await fetchPull(deps.github, { owner, repo, number: l.number }, l.etag, now);
    if (r === 'gone') wanted.add(l.id);
    else if (r !== 'unchanged') {
      // Its ETag is kept with its changes (syncLead), or now when nothing changed.
      if (r.updatedAt !== l.prUpdatedAt) wanted.add(l.id);
      else await store.leads.update(l.id, { etag: r.etag }, now);
      etags.set(l.id, r.etag);
    }
  }
  await fetchPullDetails(deps.github, [...wanted], now, async (details) => {
    for (const [id, d] of details) {
      const prior = byId.get(id);
      report.fetched += 1;
      if (d) await syncLead(deps, prior, d, { etag: etags.get(id) });
      else if (prior && prior.state !== 'gone') {
        report.gone += 1;
        await markGone(deps, prior);
      }
    }
  });
  await finishUnfinished(deps, wanted);
  await search?.save();
  return report;
}

/** GitHub no longer shows it: said once on its message, and no longer followed. */
async function markGone(deps: SyncDeps, lead: LeadRecord): Promise<void> {
  await editLeadMessage(deps, { ...lead, state: 'gone' });
  await deps.store.leads.update(lead.id, { state: 'gone' }, deps.now());
}

/** Messages and announcements an earlier run could not post (Slack down, a crash). */
async function finishUnfinished(deps: SyncDeps, done: Set<string>): Promise<void> {
  for (const lead of await deps.store.leads.all()) {
    if (done.has(lead.id) || lead.state === 'gone') continue;
    if (!lead.ts) await announceValidation(deps, await ensureLeadMessage(deps, lead));
    else if (lead.validatedAt && !lead.validationTs) await announceValidation(deps, lead);
  }
}

/** Once per login value: a renamed login would otherwise be reported every poll. */
async function tellUnknownLogin(deps: SyncDeps, login: string): Promise<void> {
  if ((await deps.store.meta.get(UNKNOWN_LOGIN)) === login) return;
  deps.logger.warn({ login }, 'GitHub does not know proposals.githubLogin');
  await postUnknownLogin(deps, login);
  await deps.store.meta.set(UNKNOWN_LOGIN, login);
}
