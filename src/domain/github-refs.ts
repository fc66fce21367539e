/**
 * What a GitHub reference may be: the hosts issue URLs live on, GitHub's
 * rules for owner and repository names, and an issue URL parsed by them.
 * Input from Slack and buttons is checked here before it reaches GitHub.
 */

/** Where GitHub serves issues when GITHUB_API_URL is github.com's. */
export const GITHUB_WEB_HOSTS = ['github.com', 'www.github.com'] as const;

/**
 * The web hosts whose issue URLs `/gigs propose` accepts: github.com, and for
 * GitHub Enterprise Server the host of GITHUB_API_URL (`https://ghe.example/api/v3`).
 */
export function githubWebHosts(apiUrl: string): string[] {
  const host = new URL(apiUrl).hostname.toLowerCase();
  return host === 'api.github.com' ? [...GITHUB_WEB_HOSTS] : [host, ...GITHUB_WEB_HOSTS];
}

/** GitHub's rules: a login is 1–39 letters, digits and single inner hyphens. */
export const isGitHubOwner = (s: string) =>
  /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(s);
/** A repository name: 1–100 of letters, digits, `.`, `_`, `-`, and never `.` or `..`. */
export const isGitHubRepo = (s: string) =>
  /^[A-Za-z0-9._-]{1,100}$/.test(s) && s !== '.' && s !== '..';
/** `owner/name` by both rules. */
export const isGitHubFullName = (s: string) => {
  const [owner, repo, ...more] = s.split('/');
  return more.length === 0 && isGitHubOwner(owner ?? '') && isGitHubRepo(repo ?? '');
};

type IssueUrlProblem = 'url' | 'host' | 'name' | 'number';

/**
 * `https://github.com/owner/repo/issues/123` (a trailing slash, query or
 * fragment allowed) on one of `hosts`, with names GitHub could have given
 * and a number that is a positive safe integer.
 */
export function parseIssueUrl(
  url: string,
  hosts: readonly string[] = GITHUB_WEB_HOSTS,
): { owner: string; repo: string; number: number } | { problem: IssueUrlProblem } {
  return parseRefUrl(url, hosts, 'issues');
}

/** `https://github.com/owner/repo/pull/123` by the same rules (a `/files` or `/commits` tab too). */
export function parsePullUrl(
  url: string,
  hosts: readonly string[] = GITHUB_WEB_HOSTS,
): { owner: string; repo: string; number: number } | { problem: IssueUrlProblem } {
  const tab = /^(.*\/pull\/[^/?#]+)\/(?:files|commits|checks)\/?(?=$|[?#])/.exec(url);
  return parseRefUrl(tab ? tab[1]! : url, hosts, 'pull');
}

function parseRefUrl(
  url: string,
  hosts: readonly string[],
  kind: 'issues' | 'pull',
): { owner: string; repo: string; number: number } | { problem: IssueUrlProblem } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: 'url' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { problem: 'url' };
  if (parsed.username || parsed.password || parsed.port) return { problem: 'url' };
  if (!hosts.includes(parsed.hostname.toLowerCase())) return { problem: 'host' };
  // The raw path: URL() has already resolved `..`, so look at what was typed too.
  const typed = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? '';
  const parts = typed.replace(/\/$/, '').split('/').slice(1);
  if (parts.length !== 4 || parts[2] !== kind) return { problem: 'url' };
  const [owner, repo, , num] = parts as [string, string, string, string];
  if (!isGitHubOwner(owner) || !isGitHubRepo(repo)) return { problem: 'name' };
  const number = /^\d{1,16}$/.test(num) ? Number(num) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) return { problem: 'number' };
  return { owner, repo, number };
}
