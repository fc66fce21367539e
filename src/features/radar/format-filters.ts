import type { RadarFilters } from '../../domain/parse-gigs-command.ts';

/** The `/gigs` text that parses back to these filters: shown to users and carried by More. */
export function formatFilters(f: RadarFilters): string {
  const quote = (s: string) => (/\s/.test(s) ? `"${s}"` : s);
  const parts = f.words.map(quote);
  for (const l of f.labels) parts.push(`label:${quote(l)}`);
  if (f.repo) parts.push(`repo:${f.repo}`);
  if (f.minStars !== undefined) parts.push(`min-stars:${f.minStars}`);
  if (f.minComments !== undefined) parts.push(`min-comments:${f.minComments}`);
  return parts.join(' ');
}
