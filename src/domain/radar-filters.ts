import type { FileConfig } from '../config.ts';
import type { Candidate } from './opportunity.ts';
import type { RadarFilters } from './parse-gigs-command.ts';

/** The radar settings every source's candidates are held to. */
export type RadarSettings = Pick<
  FileConfig['radar'],
  'minComments' | 'minStars' | 'excludeRepos' | 'excludeLabels'
>;

/** The thresholds in force: a `/gigs` filter replaces the configured minimum. */
export function thresholds(settings: RadarSettings, filters: RadarFilters) {
  return {
    minStars: filters.minStars ?? settings.minStars,
    minComments: filters.minComments ?? settings.minComments,
  };
}

/**
 * Configuration and filter checks that need no enrichment: a source may run
 * them before asking for more (GitHub does, before GraphQL); the radar runs
 * them on every candidate.
 */
export function passesSearchFilters(
  c: Pick<Candidate, 'project' | 'labels' | 'comments' | 'locked' | 'assignees'>,
  settings: RadarSettings,
  filters: RadarFilters,
): boolean {
  const project = c.project.toLowerCase();
  if (settings.excludeRepos.some((r) => r.toLowerCase() === project)) return false;
  if (filters.repo && filters.repo.toLowerCase() !== project) return false;
  const excluded = new Set(settings.excludeLabels.map((l) => l.toLowerCase()));
  if (c.labels.some((l) => excluded.has(l.toLowerCase()))) return false;
  if (c.comments < thresholds(settings, filters).minComments) return false;
  return !c.locked && c.assignees === 0;
}
