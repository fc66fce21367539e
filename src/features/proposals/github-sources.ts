import { z } from 'zod';
import type { GitHubClient } from '../../clients/github.ts';
import type { IssueFacts, MergedPull } from '../../domain/proposal.ts';
import { ErrorCode, GigopsError } from '../../errors.ts';

/** The parts of GitHub's issue, comment and search payloads that drafting reads. */
const labelSchema = z.union([z.string(), z.object({ name: z.string().nullish() })]);
const labelNames = (labels: z.infer<typeof labelSchema>[]) =>
  labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== '');

const issueSchema = z.object({
  number: z.number(),
  title: z.string(),
  body: z.string().nullish(),
  html_url: z.string(),
  labels: z.array(labelSchema).default([]),
  comments: z.number().default(0),
  reactions: z.object({ total_count: z.number() }).nullish(),
  user: z.object({ login: z.string() }).nullish(),
  created_at: z.string(),
  pull_request: z.unknown().optional(),
});
const commentsSchema = z.array(z.object({ body: z.string().nullish() }));
const searchSchema = z.object({
  items: z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      html_url: z.string(),
      repository_url: z.string(),
      labels: z.array(labelSchema).default([]),
      closed_at: z.string().nullish(),
      pull_request: z.object({ merged_at: z.string().nullish() }).passthrough().nullish(),
    }),
  ),
});

const status = (e: unknown) => (e as { status?: number }).status;

/**
 * One issue, as drafting needs it: `issues.get`, plus the first page of
 * comments only when the body has no code block (the reproduction may be there).
 */
export async function fetchIssueFacts(
  github: GitHubClient,
  ref: { owner: string; repo: string; number: number },
): Promise<IssueFacts> {
  const where = `${ref.owner}/${ref.repo}#${ref.number}`;
  let raw: unknown;
  try {
    raw = (
      await github.rest.issues.get({ owner: ref.owner, repo: ref.repo, issue_number: ref.number })
    ).data;
  } catch (error) {
    if (status(error) === 404 || status(error) === 410)
      throw new GigopsError(ErrorCode.GitHubUnavailable, `no issue ${where}`, { cause: error });
    throw new GigopsError(ErrorCode.GitHubUnavailable, `GitHub failed for ${where}`, {
      cause: error,
    });
  }
  const body = z.object({ body: z.string().nullish() }).parse(raw).body ?? '';
  const comments = z.object({ comments: z.number().default(0) }).parse(raw).comments;
  let commentBodies: string[] = [];
  if (!body.includes('```') && comments > 0) {
    const res = await github.rest.issues.listComments({
      owner: ref.owner,
      repo: ref.repo,
      issue_number: ref.number,
      per_page: 30,
    });
    commentBodies = commentsSchema
      .parse(res.data)
      .map((c) => c.body ?? '')
      .filter(Boolean);
  }
  return toIssueFacts(raw, ref, commentBodies);
}

/** An issue payload (REST `issues.get`) as drafting reads it. */
export function toIssueFacts(
  raw: unknown,
  ref: { owner: string; repo: string; number: number },
  commentBodies: string[] = [],
): IssueFacts {
  const issue = issueSchema.parse(raw);
  return {
    owner: ref.owner,
    repo: ref.repo,
    // The id the user asked for, even if GitHub answers for a transferred issue.
    number: ref.number,
    title: issue.title,
    body: issue.body ?? '',
    url: issue.html_url,
    labels: labelNames(issue.labels),
    comments: issue.comments,
    reactions: issue.reactions?.total_count ?? 0,
    author: issue.user?.login ?? 'ghost',
    createdAt: new Date(issue.created_at),
    commentBodies,
  };
}

/** True when GitHub said the issue does not exist (as opposed to being unavailable). */
export const isIssueMissing = (e: unknown) =>
  e instanceof GigopsError && e.message.startsWith('no issue ');

/**
 * The login's merged pull requests in Go repositories, newest first. One
 * search (GitHub allows 30 a minute, and Octokit spaces searches 2 s apart);
 * ranking by relevance, same repository first, happens in the domain.
 */
export async function fetchMergedPulls(github: GitHubClient, login: string): Promise<MergedPull[]> {
  const page = await github.rest.search.issuesAndPullRequests({
    q: `is:pr is:merged author:${login} language:go`,
    sort: 'updated',
    per_page: 100,
  });
  return toMergedPulls(page.data);
}

/** Search results (`is:pr is:merged`) as evidence candidates. */
export function toMergedPulls(raw: unknown): MergedPull[] {
  const out: MergedPull[] = [];
  for (const item of searchSchema.parse(raw).items) {
    const m = /\/repos\/([^/]+\/[^/]+)$/.exec(item.repository_url);
    const merged = item.pull_request?.merged_at ?? item.closed_at;
    out.push({
      repo: m ? m[1]! : item.repository_url,
      number: item.number,
      title: item.title,
      url: item.html_url,
      labels: labelNames(item.labels),
      mergedAt: merged ? new Date(merged) : undefined,
    });
  }
  return out;
}
