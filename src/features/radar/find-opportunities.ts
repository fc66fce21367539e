import type { Deps, RadarDeps } from '../../deps.ts';
import type { Opportunity } from '../../domain/opportunity.ts';
import type { RadarFilters } from '../../domain/parse-gigs-command.ts';
import type { OpportunityData } from '../../store/store.ts';
import { fetchCandidates } from './fetch-candidates.ts';
import { formatFilters } from './format-filters.ts';
import type { OpportunityListing } from './opportunity-blocks.ts';
import { selectOpportunities } from './select-opportunities.ts';

// Cached candidate lists already written to the store: a warm /gigs writes nothing.
const persisted = new WeakMap<object, Set<string>>();

/** The ranked opportunities still open to the user: not dismissed, not proposed on. */
export async function rankOpportunities(
  deps: RadarDeps,
  filters: RadarFilters,
): Promise<Opportunity[]> {
  const candidates = await fetchCandidates(deps, filters);
  const now = deps.now();
  const ranked = selectOpportunities(candidates, deps.config.radar, filters, now);
  const saved = persisted.get(candidates) ?? new Set<string>();
  const fresh = ranked.filter((o) => !saved.has(o.id));
  if (fresh.length > 0) {
    await deps.store.opportunities.upsert(fresh.map(toData), now);
    for (const o of fresh) saved.add(o.id);
    persisted.set(candidates, saved);
  }
  const records = new Map(
    (await deps.store.opportunities.getMany(ranked.map((o) => o.id))).map((r) => [r.id, r]),
  );
  return ranked.filter((o) => {
    const r = records.get(o.id);
    return !r?.dismissedAt && !r?.proposedAt;
  });
}

/**
 * `/gigs [filters]` and More: one page of the ranked list from `offset`,
 * each marked seen when shown before; the page is then remembered as shown.
 */
export async function findOpportunities(
  deps: Deps,
  filters: RadarFilters,
  offset = 0,
): Promise<OpportunityListing> {
  const open = await rankOpportunities(deps, filters);
  const size = deps.config.radar.pageSize;
  const page = open.slice(offset, offset + size);
  const records = new Map(
    (await deps.store.opportunities.getMany(page.map((o) => o.id))).map((r) => [r.id, r]),
  );
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
  repo: o.repo,
  number: o.number,
  url: o.url,
  title: o.title,
  labels: o.labels,
  bodyExcerpt: o.bodyExcerpt,
  stars: o.stars,
  comments: o.comments,
  score: o.score,
  reasons: o.reasons,
});
