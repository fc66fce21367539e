import { z } from 'zod';
import type { GitHubClient } from '../../clients/github.ts';
import { statusOf, toGigopsError } from '../../clients/github-errors.ts';

/** The search hits a poll reads (GET /search/issues), parsed at the edge. */
const hit = z.object({
  node_id: z.string(),
  number: z.number().int(),
  repository_url: z.string(),
  state: z.string(),
  updated_at: z.string(),
  user: z.object({ login: z.string() }).nullish(),
});
const page = z.object({ items: z.array(hit) });

export interface PullHit {
  nodeId: string;
  repo: string;
  number: number;
  open: boolean;
  updatedAt: string;
}

/** The most recently updated first: a change moves a pull request to the top. */
export const SEARCH_PAGE = 100;

const repoOf = (repositoryUrl: string) => repositoryUrl.split('/').slice(-2).join('/');

/**
 * Every pull request `login` authored, most recently updated first, as one
 * conditional search: with the last ETag GitHub answers 304 while nothing
 * changed, which costs no rate limit. `unknown-login`: GitHub refuses to
 * search a login it does not know (renamed, deleted).
 */
export async function searchAuthoredPulls(
  github: GitHubClient,
  login: string,
  etag: string | undefined,
  now: Date,
  pageNo = 1,
): Promise<{ hits: PullHit[]; etag: string | undefined } | 'unchanged' | 'unknown-login'> {
  try {
    const res = await github.request('GET /search/issues', {
      q: `is:pr author:${login}`,
      sort: 'updated',
      order: 'desc',
      per_page: SEARCH_PAGE,
      ...(pageNo > 1 ? { page: pageNo } : {}),
      headers: etag ? { 'if-none-match': etag } : {},
    });
    const hits = page.parse(res.data).items.map((i) => ({
      nodeId: i.node_id,
      repo: repoOf(i.repository_url),
      number: i.number,
      open: i.state === 'open',
      updatedAt: i.updated_at,
    }));
    return { hits, etag: typeof res.headers.etag === 'string' ? res.headers.etag : undefined };
  } catch (error) {
    if (statusOf(error) === 304) return 'unchanged';
    if (statusOf(error) === 422) return 'unknown-login';
    throw toGigopsError(error, now);
  }
}

const pull = z.object({
  node_id: z.string(),
  updated_at: z.string(),
  user: z.object({ login: z.string() }).nullish(),
});

/**
 * One pull request by REST, conditionally: `unchanged` on 304 (free), `gone`
 * on 404 or 410; otherwise its node id, updated_at and ETag. For watched pull
 * requests the author search does not cover, and for `/gigs leads watch`.
 */
export async function fetchPull(
  github: GitHubClient,
  ref: { owner: string; repo: string; number: number },
  etag: string | undefined,
  now: Date,
): Promise<
  | { nodeId: string; updatedAt: string; author: string; etag: string | undefined }
  | 'unchanged'
  | 'gone'
> {
  try {
    const res = await github.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner: ref.owner,
      repo: ref.repo,
      pull_number: ref.number,
      headers: etag ? { 'if-none-match': etag } : {},
    });
    const p = pull.parse(res.data);
    return {
      nodeId: p.node_id,
      updatedAt: p.updated_at,
      author: p.user?.login ?? 'ghost',
      etag: typeof res.headers.etag === 'string' ? res.headers.etag : undefined,
    };
  } catch (error) {
    const status = statusOf(error);
    if (status === 304) return 'unchanged';
    if (status === 404 || status === 410) return 'gone';
    throw toGigopsError(error, now);
  }
}
