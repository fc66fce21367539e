import { z } from 'zod';
import type { GitHubClient } from '../../clients/github.ts';
import type { CiConclusion, PullRequest } from '../../domain/pull-request.ts';
import { combineCheckConclusions } from './combine-check-conclusions.ts';
import { pullRequestState } from './map-pull-request-status.ts';

/** The fields we read from a pull request: REST pulls and webhook bodies share them. */
export const pullRequestSchema = z.object({
  number: z.number().int(),
  html_url: z.string(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.enum(['open', 'closed']),
  draft: z.boolean().optional(),
  merged: z.boolean().nullish(),
  merged_at: z.string().nullish(),
  updated_at: z.string(),
  head: z.object({ sha: z.string() }),
  base: z.object({ repo: z.object({ full_name: z.string() }) }),
  requested_reviewers: z
    .array(z.object({ login: z.string().optional() }))
    .nullish()
    .transform((rs) => (rs ?? []).flatMap((r) => (r.login ? [r.login] : []))),
});

export function toPullRequest(raw: z.output<typeof pullRequestSchema>): PullRequest {
  return {
    repo: raw.base.repo.full_name,
    number: raw.number,
    url: raw.html_url,
    title: raw.title,
    body: raw.body ?? '',
    state: pullRequestState(raw),
    mergedAt: raw.merged_at ?? undefined,
    headSha: raw.head.sha,
    updatedAt: raw.updated_at,
    requestedReviewers: raw.requested_reviewers,
  };
}

export const parsePullRequest = (raw: unknown): PullRequest =>
  toPullRequest(pullRequestSchema.parse(raw));

const split = (repo: string) => {
  const [owner, name] = repo.split('/') as [string, string];
  return { owner, repo: name };
};

export type PullRequestPage =
  | { notModified: true }
  | { notModified: false; etag: string | undefined; pulls: PullRequest[] };

const isStatus = (e: unknown, status: number) =>
  typeof e === 'object' && e !== null && (e as { status?: unknown }).status === status;

/**
 * Pull requests of a repo updated after `since`, newest first, reading pages
 * until an older one shows up. The first page is asked for with the last
 * ETag: an unchanged repo costs one 304, which GitHub does not count.
 */
export async function listPullRequestsUpdatedSince(
  github: GitHubClient,
  repo: string,
  cursor: { etag: string | undefined; since: string | undefined },
  maxPages = 10,
): Promise<PullRequestPage> {
  const pulls: PullRequest[] = [];
  let etag: string | undefined;
  for (let page = 1; page <= maxPages; page += 1) {
    let response: { data: unknown; headers: { etag?: string | undefined } };
    try {
      response = await github.request('GET /repos/{owner}/{repo}/pulls', {
        ...split(repo),
        state: 'all',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
        page,
        ...(page === 1 && cursor.etag ? { headers: { 'if-none-match': cursor.etag } } : {}),
      });
    } catch (error) {
      if (page === 1 && isStatus(error, 304)) return { notModified: true };
      throw error;
    }
    if (page === 1) etag = response.headers.etag;
    const batch = z.array(pullRequestSchema).parse(response.data).map(toPullRequest);
    const fresh = batch.filter((p) => !cursor.since || p.updatedAt > cursor.since);
    pulls.push(...fresh);
    if (batch.length < 100 || fresh.length < batch.length) break;
  }
  return { notModified: false, etag, pulls };
}

export async function getPullRequest(
  github: GitHubClient,
  repo: string,
  number: number,
): Promise<PullRequest> {
  const { data } = await github.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    ...split(repo),
    pull_number: number,
  });
  return parsePullRequest(data);
}

const reviewsSchema = z.array(
  z.object({ state: z.string(), user: z.object({ login: z.string() }).nullish() }),
);

/** Logins whose latest review approves (a later "changes requested" withdraws it). */
export async function listApprovers(
  github: GitHubClient,
  repo: string,
  number: number,
): Promise<string[]> {
  const { data } = await github.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...split(repo),
    pull_number: number,
    per_page: 100,
  });
  const latest = new Map<string, string>();
  for (const r of reviewsSchema.parse(data)) {
    if (r.user && r.state !== 'COMMENTED') latest.set(r.user.login, r.state);
  }
  return [...latest].filter(([, s]) => s === 'APPROVED').map(([login]) => login);
}

const checkRunsSchema = z.object({
  check_runs: z.array(z.object({ status: z.string(), conclusion: z.string().nullish() })),
});

/** The combined conclusion of every check run on a commit. */
export async function getCiConclusion(
  github: GitHubClient,
  repo: string,
  sha: string,
): Promise<CiConclusion | undefined> {
  const { data } = await github.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    ...split(repo),
    ref: sha,
    per_page: 100,
  });
  return combineCheckConclusions(checkRunsSchema.parse(data).check_runs);
}
