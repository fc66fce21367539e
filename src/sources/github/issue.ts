import { z } from 'zod';
import type { GitHubClient } from '../../clients/github.ts';
import { statusOf } from '../../clients/github-errors.ts';
import type { Candidate } from '../../domain/opportunity.ts';
import { ErrorCode, GigopsError } from '../../errors.ts';
import { GITHUB_SOURCE } from './search.ts';

/** The parts of GitHub's issue and comment payloads (REST) that drafting reads. */
const labelSchema = z.union([z.string(), z.object({ name: z.string().nullish() })]);
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
  locked: z.boolean().default(false),
  assignees: z.array(z.unknown()).nullish(),
  pull_request: z.unknown().optional(),
});
const commentsSchema = z.array(
  z.object({
    body: z.string().nullish(),
    author_association: z.string().default('NONE'),
    created_at: z.string().nullish(),
  }),
);

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

/**
 * One issue, as drafting needs it: `issues.get`, plus the first page of
 * comments only when the body has no code block (the reproduction may be there).
 */
export async function fetchIssue(github: GitHubClient, ref: IssueRef): Promise<Candidate> {
  const where = `${ref.owner}/${ref.repo}#${ref.number}`;
  const params = { owner: ref.owner, repo: ref.repo, issue_number: ref.number };
  let raw: unknown;
  try {
    raw = (await github.rest.issues.get(params)).data;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 410)
      throw new GigopsError(ErrorCode.OpportunityGone, `no issue ${where}`, { cause: error });
    throw new GigopsError(ErrorCode.GitHubUnavailable, `GitHub failed for ${where}`, {
      cause: error,
    });
  }
  const { body, comments } = z
    .object({ body: z.string().nullish(), comments: z.number().default(0) })
    .parse(raw);
  let replies: unknown = [];
  if (!(body ?? '').includes('```') && comments > 0) {
    replies = (await github.rest.issues.listComments({ ...params, per_page: 30 })).data;
  }
  return issueCandidate(raw, ref, replies);
}

/** An issue payload (REST `issues.get`) and its comments (`listComments`) as a candidate. */
export function issueCandidate(raw: unknown, ref: IssueRef, comments: unknown = []): Candidate {
  const issue = issueSchema.parse(raw);
  const createdAt = new Date(issue.created_at);
  // The id the user asked for, even if GitHub answers for a transferred issue.
  const project = `${ref.owner}/${ref.repo}`;
  const key = `${project}#${ref.number}`;
  return {
    source: GITHUB_SOURCE,
    key,
    label: key,
    project,
    url: issue.html_url,
    title: issue.title,
    body: issue.body ?? '',
    labels: issue.labels
      .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
      .filter((n) => n !== ''),
    comments: issue.comments,
    reactions: issue.reactions?.total_count ?? 0,
    author: issue.user?.login ?? 'ghost',
    createdAt,
    locked: issue.locked,
    assignees: issue.assignees?.length ?? 0,
    stars: 0,
    archived: false,
    openPullRequests: 0,
    recentComments: commentsSchema
      .parse(comments)
      .filter((c) => c.body)
      .map((c) => ({
        authorAssociation: c.author_association,
        createdAt: c.created_at ? new Date(c.created_at) : createdAt,
        body: c.body ?? '',
      })),
    enriched: false,
  };
}
