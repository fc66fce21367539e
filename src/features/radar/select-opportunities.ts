import type { Candidate, Opportunity } from '../../domain/opportunity.ts';
import type { RadarFilters } from '../../domain/parse-gigs-command.ts';
import { passesSearchFilters, type RadarSettings, thresholds } from '../../domain/radar-filters.ts';
import { scoreOpportunity } from './score-opportunity.ts';

/** Why a candidate is left out; undefined when it is a real opening. */
export function unavailableBecause(c: Candidate): string | undefined {
  if (c.archived) return 'archived';
  if (c.locked) return 'locked';
  if (c.assignees > 0) return 'assigned';
  if (c.openPullRequests > 0) return 'open pull request';
  return undefined;
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
