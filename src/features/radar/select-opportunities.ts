import type { FileConfig } from '../../config.ts';
import type { Candidate, Opportunity } from '../../domain/opportunity.ts';
import type { RadarFilters } from '../../domain/parse-gigs-command.ts';
import { scoreOpportunity } from './score-opportunity.ts';

export type RadarSettings = Pick<
  FileConfig['radar'],
  'minComments' | 'minStars' | 'excludeRepos' | 'excludeLabels'
>;

/** Why a candidate is left out; undefined when it is a real opening. */
export function unavailableBecause(c: Candidate): string | undefined {
  if (c.archived) return 'archived';
  if (c.locked) return 'locked';
  if (c.assignees > 0) return 'assigned';
  if (c.openPullRequests > 0) return 'open pull request';
  return undefined;
}

/** The thresholds in force: a `/gigs` filter replaces the configured minimum. */
export function thresholds(settings: RadarSettings, filters: RadarFilters) {
  return {
    minStars: filters.minStars ?? settings.minStars,
    minComments: filters.minComments ?? settings.minComments,
  };
}

/** Configuration and filter checks that need no enrichment (cheap, before GraphQL). */
export function passesSearchFilters(
  c: Pick<Candidate, 'repo' | 'labels' | 'comments' | 'locked' | 'assignees'>,
  settings: RadarSettings,
  filters: RadarFilters,
): boolean {
  const repo = c.repo.toLowerCase();
  if (settings.excludeRepos.some((r) => r.toLowerCase() === repo)) return false;
  const excluded = new Set(settings.excludeLabels.map((l) => l.toLowerCase()));
  if (c.labels.some((l) => excluded.has(l.toLowerCase()))) return false;
  if (c.comments < thresholds(settings, filters).minComments) return false;
  return !c.locked && c.assignees === 0;
}

/**
 * Filters enriched candidates (availability, thresholds), scores them at
 * `now` and ranks best first; ties go to the more discussed issue.
 */
export function selectOpportunities(
  candidates: readonly Candidate[],
  settings: RadarSettings,
  filters: RadarFilters,
  now: Date,
): Opportunity[] {
  const { minStars } = thresholds(settings, filters);
  return candidates
    .filter((c) => passesSearchFilters(c, settings, filters))
    .filter(
      (c) => unavailableBecause(c) === undefined && (c.enriched === false || c.stars >= minStars),
    )
    .map((c) => scoreOpportunity(c, now))
    .sort((a, b) => b.score - a.score || b.comments - a.comments || a.id.localeCompare(b.id));
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
