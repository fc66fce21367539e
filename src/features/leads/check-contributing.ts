import { z } from 'zod';
import { statusOf, toGigopsError } from '../../clients/github-errors.ts';
import type { Deps } from '../../deps.ts';
import type { ContributingCheck } from '../../domain/lead.ts';
import { CONTRIBUTING_PATHS, CONTRIBUTING_QUERY } from './queries.ts';
import { classifyContributing } from './read-contributing.ts';

export type ContributingDeps = Pick<Deps, 'github' | 'store' | 'now' | 'logger'>;

/** A repository without CONTRIBUTING is asked again after this long. */
const NONE_TTL_MS = 7 * 86_400_000;

const found = z.object({
  repository: z.record(z.string(), z.object({ text: z.string().nullish() }).nullish()).nullable(),
});

/**
 * What `repo`'s CONTRIBUTING (root, `.github/`, `docs/`) says about a
 * commercial line, for a watched pull request and for the proposals feature
 * (a draft for an issue there). One request: the first time a GraphQL query
 * that looks in every place at once; after that a conditional GET of the file
 * with its ETag, which GitHub answers 304 (free) while it is unchanged. A
 * failure is `unknown`, said as such and not kept. Never writes anything to
 * GitHub: the user decides whether to add a line.
 */
export async function checkContributing(
  deps: ContributingDeps,
  repo: string,
): Promise<ContributingCheck> {
  const [owner = '', name = ''] = repo.split('/');
  const cached = await deps.store.leads.contributing(repo);
  try {
    if (cached?.check.path) {
      const again = await readFile(deps, owner, name, cached.check.path, cached.etag);
      if (again === 'unchanged') return cached.check;
      if (again) return await keep(deps, { repo, path: cached.check.path, ...again });
    } else if (cached && deps.now().getTime() - cached.at.getTime() < NONE_TTL_MS) {
      return cached.check;
    }
    const res = found.parse(
      await deps.github.graphql(CONTRIBUTING_QUERY, { owner, name }),
    ).repository;
    if (!res)
      return { repo, verdict: 'unknown', path: undefined, quote: undefined, problem: 'not found' };
    const at = CONTRIBUTING_PATHS.findIndex((_p, n) => typeof res[`f${n}`]?.text === 'string');
    if (at < 0)
      return await keep(deps, { repo, path: undefined, text: undefined, etag: undefined });
    const text = res[`f${at}`]!.text!;
    return await keep(deps, { repo, path: CONTRIBUTING_PATHS[at], text, etag: undefined });
  } catch (error) {
    const problem = toGigopsError(error, deps.now()).message;
    deps.logger.warn({ err: error, repo }, 'could not read CONTRIBUTING');
    return { repo, verdict: 'unknown', path: undefined, quote: undefined, problem };
  }
}

async function keep(
  deps: ContributingDeps,
  f: { repo: string; path: string | undefined; text: string | undefined; etag: string | undefined },
): Promise<ContributingCheck> {
  const check: ContributingCheck =
    f.text === undefined
      ? { repo: f.repo, verdict: 'none', path: undefined, quote: undefined }
      : { repo: f.repo, path: f.path, ...classifyContributing(f.text) };
  await deps.store.leads.saveContributing(check, f.etag, deps.now());
  return check;
}

/** The file's text and ETag; `unchanged` on 304; undefined when it is gone (moved, deleted). */
async function readFile(
  deps: ContributingDeps,
  owner: string,
  repo: string,
  path: string,
  etag: string | undefined,
): Promise<{ text: string; etag: string | undefined } | 'unchanged' | undefined> {
  try {
    // The path's slashes stay slashes (Octokit's {path} would send them as %2F).
    const file = path.split('/').map(encodeURIComponent).join('/');
    const res = await deps.github.request(`GET /repos/{owner}/{repo}/contents/${file}`, {
      owner,
      repo,
      headers: {
        accept: 'application/vnd.github.raw+json',
        ...(etag ? { 'if-none-match': etag } : {}),
      },
    });
    const text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
    return { text, etag: typeof res.headers.etag === 'string' ? res.headers.etag : undefined };
  } catch (error) {
    if (statusOf(error) === 304) return 'unchanged';
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
