import type { SourcePorts } from '../../deps.ts';
import type { Candidate } from '../../domain/opportunity.ts';
import type { RadarFilters } from '../../domain/parse-gigs-command.ts';
import { passesSearchFilters, thresholds } from '../../domain/radar-filters.ts';
import {
  candidateFromHit,
  enrichIssues,
  type SearchHit,
  searchIssues,
  toCandidate,
} from './search.ts';

/** Search hits asked for per search; the first `ENRICH_LIMIT` that pass the cheap filters are enriched. */
export const SEARCH_PAGE = 50;
export const ENRICH_LIMIT = 25;

interface CacheEntry {
  fetchedAt: number;
  etag: string | undefined;
  candidates: Candidate[];
}

/**
 * The source's memory, one per bot: results live `radar.cacheTtlMinutes`;
 * identical concurrent searches share one flight; after the TTL the search is
 * sent with the last ETag, and a 304 (free of rate limit) keeps the enriched
 * candidates.
 */
export interface SearchCache {
  entries: Map<string, CacheEntry>;
  flights: Map<string, Promise<Candidate[]>>;
}

export const emptySearchCache = (): SearchCache => ({ entries: new Map(), flights: new Map() });

/** The enriched candidates for a `/gigs` filter: cached, single-flight, at most 2 requests when cold. */
export async function fetchCandidates(
  deps: SourcePorts,
  cache: SearchCache,
  filters: RadarFilters,
): Promise<Candidate[]> {
  const { radar } = deps.config;
  const q = buildSearchQuery(radar.query, filters, thresholds(radar, filters).minComments);
  const entry = cache.entries.get(q);
  const ttl = radar.cacheTtlMinutes * 60_000;
  if (entry && deps.now().getTime() - entry.fetchedAt < ttl) return entry.candidates;
  const inFlight = cache.flights.get(q);
  if (inFlight) return inFlight;
  const flight = (async () => {
    const page = await searchIssues(deps.github, q, SEARCH_PAGE, entry?.etag, deps.now);
    let candidates: Candidate[];
    if (page === undefined && entry) {
      candidates = entry.candidates;
    } else {
      const hits = (page?.hits ?? [])
        .filter((h) => passesSearchFilters({ ...h, project: h.repo }, radar, filters))
        .slice(0, ENRICH_LIMIT);
      candidates = await enrich(deps, hits);
    }
    cache.entries.set(q, {
      fetchedAt: deps.now().getTime(),
      etag: page?.etag ?? entry?.etag,
      candidates,
    });
    return candidates;
  })();
  cache.flights.set(q, flight);
  try {
    return await flight;
  } finally {
    cache.flights.delete(q);
  }
}

async function enrich(deps: SourcePorts, hits: SearchHit[]): Promise<Candidate[]> {
  // Without a token GitHub refuses GraphQL: rank from the search results alone.
  if (!deps.config.env.GITHUB_TOKEN) return hits.map(candidateFromHit);
  const found = await enrichIssues(
    deps.github,
    hits.map((h) => h.nodeId),
    deps.now,
  );
  return hits.flatMap((h) => {
    const e = found.get(h.nodeId);
    return e ? [toCandidate(h, e)] : [];
  });
}

/** The GitHub search query for the configured radar and a `/gigs` filter. */
export function buildSearchQuery(
  query: string,
  filters: RadarFilters,
  minComments: number,
): string {
  const parts = [query];
  for (const w of filters.words) parts.push(/\s/.test(w) ? `"${w}"` : w);
  for (const l of filters.labels) parts.push(`label:"${l}"`);
  if (filters.repo) parts.push(`repo:${filters.repo}`);
  if (minComments > 0 && !/\bcomments:/.test(query)) parts.push(`comments:>=${minComments}`);
  return parts.join(' ');
}
