import type { Deps, RadarDeps } from '../../deps.ts';
import { type Candidate, type Opportunity, opportunityId } from '../../domain/opportunity.ts';
import type { RadarFilters } from '../../domain/parse-gigs-command.ts';
import type { OpportunityData, OpportunityRecord } from '../../store/opportunity-store.ts';
import { formatFilters } from './format-filters.ts';
import type { OpportunityListing } from './opportunity-blocks.ts';
import { selectOpportunities } from './select-opportunities.ts';

/**
 * What the radar remembers between requests, one per bot: which ids of a
 * source's (cached) candidate list are already written to the store, so a
 * warm /gigs writes nothing.
 */
export interface RadarMemory {
  persisted: WeakMap<readonly Candidate[], Set<string>>;
}

export const newRadarMemory = (): RadarMemory => ({ persisted: new WeakMap() });

/** The ranked opportunities still open to the user, from every source: not dismissed, not proposed on. */
export async function rankOpportunities(
  deps: RadarDeps,
  filters: RadarFilters,
  memory: RadarMemory = newRadarMemory(),
): Promise<Opportunity[]> {
  return (await rankOpen(deps, filters, memory)).open;
}

/** The same, with what the store remembers of each ranked one (read once). */
async function rankOpen(
  deps: RadarDeps,
  filters: RadarFilters,
  memory: RadarMemory = newRadarMemory(),
): Promise<{ open: Opportunity[]; records: Map<string, OpportunityRecord> }> {
  const lists = await Promise.all(deps.sources.all.map((source) => source.search(filters)));
  const now = deps.now();
  const ranked = selectOpportunities(lists.flat(), deps.config.radar, filters, now);
  // Each id's list: the ids already written are kept per (cached) list.
  const savedOf = new Map<string, Set<string>>();
  for (const list of lists) {
    const saved = memory.persisted.get(list) ?? new Set<string>();
    memory.persisted.set(list, saved);
    for (const c of list) savedOf.set(opportunityId(c.source, c.key), saved);
  }
  const fresh = ranked.filter((o) => !savedOf.get(o.id)?.has(o.id));
  if (fresh.length > 0) {
    await deps.store.opportunities.upsert(fresh.map(toData), now);
    for (const o of fresh) savedOf.get(o.id)?.add(o.id);
  }
  const records = new Map(
    (await deps.store.opportunities.getMany(ranked.map((o) => o.id))).map((r) => [r.id, r]),
  );
  const open = ranked.filter((o) => {
    const r = records.get(o.id);
    return !r?.dismissedAt && !r?.proposedAt;
  });
  return { open, records };
}

/**
 * `/gigs [filters]` and More: one page of the ranked list from `offset`,
 * each marked seen when shown before; the page is then remembered as shown.
 */
export async function findOpportunities(
  deps: Deps,
  filters: RadarFilters,
  offset = 0,
  memory?: RadarMemory,
): Promise<OpportunityListing> {
  const { open, records } = await rankOpen(deps, filters, memory);
  const size = deps.config.radar.pageSize;
  const page = open.slice(offset, offset + size);
  await deps.store.opportunities.markShown(
    page.map((o) => o.id),
    deps.now(),
  );
  return {
    items: page.map((o) => ({ ...o, seen: records.get(o.id)?.shownAt !== undefined })),
    offset,
    total: open.length,
    filters: formatFilters(filters),
    nextOffset: offset + size < open.length ? offset + size : undefined,
  };
}

export const toData = (o: Opportunity): OpportunityData => ({
  id: o.id,
  source: o.source,
  key: o.key,
  label: o.label,
  project: o.project,
  meta: o.meta,
  url: o.url,
  title: o.title,
  labels: o.labels,
  bodyExcerpt: o.bodyExcerpt,
  stars: o.stars,
  comments: o.comments,
  score: o.score,
  reasons: o.reasons,
});
