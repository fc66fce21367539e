import { normalizeNotionId } from '../../domain/delivery-item.ts';

// A Notion URL ends its path in the 32-hex page id; a bare id may be dashed.
const DASHED =
  /(?<![0-9a-f-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f-])/gi;
const COMPACT = /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/gi;

/**
 * Notion page ids mentioned in a pull request body (links or bare ids),
 * normalized (no dashes, lower case), first mention first. Commit SHAs (40
 * hex) do not match.
 */
export function findNotionPageIds(body: string): string[] {
  const found: Array<[number, string]> = [];
  for (const m of body.matchAll(DASHED)) found.push([m.index, normalizeNotionId(m[0])]);
  for (const m of body.matchAll(COMPACT)) found.push([m.index, normalizeNotionId(m[0])]);
  found.sort((a, b) => a[0] - b[0]);
  return [...new Set(found.map(([, id]) => id))];
}
