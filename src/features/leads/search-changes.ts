import type { Config } from '../../config.ts';
import type { LeadRecord } from '../../domain/lead.ts';
import { SEARCH_PAGE, searchAuthoredPulls } from './github-pulls.ts';
import type { SyncDeps } from './sync-lead.ts';

const SEARCH_ETAG = 'leads:search-etag';
/** The newest updated_at the last complete search saw: pages go back to it, no further. */
const SEARCH_MARK = 'leads:search-mark';
/** GitHub's search gives 1,000 results at most. */
const MAX_PAGES = 10;

export const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Not the user's own repository, and not client work (delivery and clients sync those). */
export function isLeadRepo(config: Config, login: string, repo: string): boolean {
  const [owner = ''] = repo.split('/');
  const client = [
    ...(config.delivery?.repos ?? []),
    ...config.clients.flatMap((c) => c.repos ?? []),
  ];
  return !same(owner, login) && !client.some((r) => same(r, repo));
}

export interface SearchChanges {
  /** Leads whose updated_at moved, new pull requests in others' repositories, vanished ones. */
  wanted: Set<string>;
  /** Kept once every change is applied (pollLeads), so a cut-short poll is finished next time. */
  save(): Promise<void>;
}

/**
 * What changed among the login's pull requests, from the author search:
 * `unchanged` when its first page answers 304 (free). A change moves a pull
 * request to the top (sorted by updated), so later pages are read only while
 * their pull requests are newer than the last search's newest (more than 100
 * changed at once), and on the very first search.
 */
export async function searchChanges(
  deps: SyncDeps,
  login: string,
  byId: Map<string, LeadRecord>,
): Promise<SearchChanges | 'unchanged' | 'unknown-login'> {
  const { store } = deps;
  const now = deps.now();
  const mark = await store.meta.get(SEARCH_MARK);
  const first = await searchAuthoredPulls(
    deps.github,
    login,
    await store.meta.get(SEARCH_ETAG),
    now,
  );
  if (typeof first === 'string') return first;
  const hits = [...first.hits];
  for (let page = 2, last = first.hits; page <= MAX_PAGES; page++) {
    const oldest = last.at(-1)?.updatedAt ?? '';
    if (last.length < SEARCH_PAGE || (mark !== undefined && oldest < mark)) break;
    const more = await searchAuthoredPulls(deps.github, login, undefined, now, page);
    if (typeof more === 'string') break;
    hits.push(...more.hits);
    last = more.hits;
  }
  const wanted = new Set<string>();
  for (const h of hits) {
    const lead = byId.get(h.nodeId);
    if (
      lead
        ? lead.state !== 'gone' && lead.prUpdatedAt !== h.updatedAt
        : h.open && isLeadRepo(deps.config, login, h.repo)
    )
      wanted.add(h.nodeId);
  }
  // A pull request missing from the pages it belongs on was made private or deleted.
  const seen = new Set(hits.map((h) => h.nodeId));
  const complete = hits.length % SEARCH_PAGE !== 0;
  const oldest = complete ? '' : (hits.at(-1)?.updatedAt ?? '');
  for (const l of byId.values())
    if (l.state === 'open' && same(l.author, login) && !seen.has(l.id) && l.prUpdatedAt >= oldest)
      wanted.add(l.id);
  return {
    wanted,
    async save() {
      if (first.etag) await store.meta.set(SEARCH_ETAG, first.etag);
      const newest = hits[0]?.updatedAt;
      if (newest) await store.meta.set(SEARCH_MARK, newest);
    },
  };
}
