import type { SourcePorts } from '../../deps.ts';
import { isGitHubFullName } from '../../domain/github-refs.ts';
import type { OpportunitySource } from '../source.ts';
import { emptySearchCache, fetchCandidates, type SearchCache } from './fetch-candidates.ts';
import { fetchIssue, type IssueRef } from './issue.ts';
import { GITHUB_SOURCE } from './search.ts';

export { GITHUB_SOURCE } from './search.ts';

const KEY = /^([^/#\s]+)\/([^/#\s]+)#(\d{1,16})$/;

/** `owner/repo#12` → its parts: names GitHub could have given and a positive safe integer. */
export function parseIssueKey(key: string): IssueRef | undefined {
  const m = KEY.exec(key);
  if (!m || !isGitHubFullName(`${m[1]}/${m[2]}`)) return undefined;
  const number = Number(m[3]);
  return Number.isSafeInteger(number) && number > 0
    ? { owner: m[1]!, repo: m[2]!, number }
    : undefined;
}

/** The key of an issue: `owner/repo#12`. */
export const issueKey = (ref: IssueRef) => `${ref.owner}/${ref.repo}#${ref.number}`;

/**
 * GitHub issues labelled for help in popular Go repositories (radar.query):
 * one search, one GraphQL enrichment, cached per filter (`cache` is this
 * source's state, one per bot).
 */
export function createGitHubSource(
  deps: SourcePorts,
  cache: SearchCache = emptySearchCache(),
): OpportunitySource & { cache: SearchCache } {
  return {
    name: GITHUB_SOURCE,
    cache,
    isKey: (key) => parseIssueKey(key) !== undefined,
    search: (filters) => fetchCandidates(deps, cache, filters),
    async get(key) {
      const ref = parseIssueKey(key);
      if (!ref) throw new TypeError(`not a GitHub issue key: ${key}`);
      return fetchIssue(deps.github, ref);
    },
  };
}
