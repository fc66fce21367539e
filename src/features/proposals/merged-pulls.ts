import { z } from 'zod';
import type { GitHubClient } from '../../clients/github.ts';
import type { MergedPull } from '../../domain/proposal.ts';

/** The parts of GitHub's search payload that evidence reads. */
const labelSchema = z.union([z.string(), z.object({ name: z.string().nullish() })]);
const labelNames = (labels: z.infer<typeof labelSchema>[]) =>
  labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== '');

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
