import { escapeMrkdwn } from '../blocks/mrkdwn.ts';
import { commandProblemCopy } from '../i18n/common.ts';
import { leadsCommandCopy } from '../i18n/leads.ts';
import type { Locale } from '../i18n/locale.ts';
import { GITHUB_WEB_HOSTS, isGitHubFullName, parseIssueUrl, parsePullUrl } from './github-refs.ts';

/**
 * The `/gigs` grammar (PRODUCT.md): pure, total — every input yields a
 * command or a usage answer naming what was wrong, in the user's language,
 * with any echoed input clipped (a long one would break Slack's 3,000
 * characters a section) and escaped.
 */
export interface RadarFilters {
  words: string[];
  labels: string[];
  repo?: string;
  minStars?: number;
  minComments?: number;
}

export type GigsCommand =
  | { kind: 'list'; filters: RadarFilters }
  | { kind: 'propose'; issueUrl: string; owner: string; repo: string; number: number }
  /** No argument, or a job URL elsewhere (Upwork cannot be fetched): the paste modal. */
  | { kind: 'propose'; post: { url: string | undefined } }
  | { kind: 'snapshot'; clientId?: string }
  | { kind: 'sync' }
  | { kind: 'leads'; watch?: { url: string; owner: string; repo: string; number: number } }
  | { kind: 'help' }
  | { kind: 'usage'; problem: string };

const CLIENT_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Longest filter text /gigs takes: GitHub's search query allows 256 characters in all. */
export const MAX_FILTERS_CHARS = 200;

export interface ParseOptions {
  locale?: Locale;
  /** Hosts of acceptable issue URLs (githubWebHosts); github.com by default. */
  githubHosts?: readonly string[];
  /** Slack shows the problem as mrkdwn (escaped); a terminal shows it as is. */
  forSlack?: boolean;
}

/** Splits on whitespace, keeping "quoted phrases" (straight or smart quotes) together. */
export function tokenize(text: string): string[] {
  const clean = text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'");
  const tokens: string[] = [];
  const re = /(?:[^\s"]+|"[^"]*")+/g;
  for (const match of clean.matchAll(re)) tokens.push(match[0].replace(/"/g, ''));
  return tokens.filter((t) => t.length > 0);
}

const unlink = (t: string) => t.replace(/^<([^|>]+)(\|[^>]*)?>$/, '$1');

function parseCount(
  token: string,
  value: string,
  copy: ReturnType<typeof commandProblemCopy>,
): number | string {
  if (!/^\d{1,9}(\.\d+)?k?$/i.test(value)) return copy.needsNumber(token, token.split(':')[0]!);
  const n = value.toLowerCase().endsWith('k') ? Number.parseFloat(value) * 1000 : Number(value);
  return Math.round(n);
}

/** How much of a token an answer echoes: enough to recognise it, far from Slack's limits. */
export const ECHO_MAX = 60;

/**
 * An input token as a Slack answer shows it: at most `max` characters (60, or
 * the longest filter text where filters are shown), no backticks, escaped.
 */
export const echoInput = (token: string, max = ECHO_MAX) => shown(token, true, max);

function shown(token: string, forSlack: boolean, max = ECHO_MAX): string {
  const flat = token.replace(/`/g, "'").replace(/\s+/g, ' ');
  const clipped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return forSlack ? escapeMrkdwn(clipped) : clipped;
}

export function parseGigsCommand(text: string, options: ParseOptions = {}): GigsCommand {
  const { locale = 'en', githubHosts = GITHUB_WEB_HOSTS, forSlack = true } = options;
  const copy = commandProblemCopy(locale);
  const echo = (token: string) => shown(token, forSlack);
  const usage = (problem: string): GigsCommand => ({ kind: 'usage', problem });
  const tokens = tokenize(text.trim());
  const [head, ...rest] = tokens;
  const sub = head?.toLowerCase();
  if (sub === 'help' || sub === '-h' || sub === '--help' || sub === '?') return { kind: 'help' };
  if (sub === 'propose') {
    if (rest.length === 0) return { kind: 'propose', post: { url: undefined } };
    const url = rest[0] ? unlink(rest[0]) : undefined;
    if (!url || rest.length > 1) return usage(copy.proposeArgs);
    const issue = parseIssueUrl(url, githubHosts);
    if ('problem' in issue) {
      if (issue.problem === 'host' && isWebUrl(url)) return { kind: 'propose', post: { url } };
      const host = githubHosts[0] ?? 'github.com';
      return usage(
        issue.problem === 'host'
          ? copy.notGitHubHost(echo(url), host)
          : issue.problem === 'number'
            ? copy.badIssueNumber(echo(url))
            : issue.problem === 'name'
              ? copy.badRepoName(echo(url))
              : copy.notIssueUrl(echo(url)),
      );
    }
    return { kind: 'propose', issueUrl: url, ...issue };
  }
  if (sub === 'snapshot') {
    if (rest.length > 1) return usage(copy.snapshotArgs);
    const clientId = rest[0]?.toLowerCase();
    if (clientId === undefined) return { kind: 'snapshot' };
    if (!CLIENT_ID.test(clientId) || clientId.length > 40)
      return usage(copy.notClientId(echo(rest[0]!)));
    return { kind: 'snapshot', clientId };
  }
  if (sub === 'sync') {
    if (rest.length > 0) return usage(copy.syncArgs);
    return { kind: 'sync' };
  }
  if (sub === 'leads') return parseLeads(rest, locale, githubHosts, echo);
  return parseFilters(tokens, copy, echo);
}

/** `leads`, or `leads watch <github pull request url>`. */
function parseLeads(
  rest: string[],
  locale: Locale,
  hosts: readonly string[],
  echo: (token: string) => string,
): GigsCommand {
  const copy = leadsCommandCopy(locale);
  if (rest.length === 0) return { kind: 'leads' };
  const url = rest[1] ? unlink(rest[1]) : undefined;
  if (rest[0]?.toLowerCase() !== 'watch' || !url || rest.length > 2)
    return { kind: 'usage', problem: copy.args };
  const pull = parsePullUrl(url, hosts);
  if (!('problem' in pull)) return { kind: 'leads', watch: { url, ...pull } };
  const host = hosts[0] ?? 'github.com';
  const problem =
    pull.problem === 'host'
      ? copy.notGitHubHost(echo(url), host)
      : pull.problem === 'url' && !('problem' in parseIssueUrl(url, hosts))
        ? copy.issueNotPull(echo(url))
        : pull.problem === 'number'
          ? copy.badNumber(echo(url))
          : pull.problem === 'name'
            ? copy.badRepoName(echo(url))
            : copy.notPullUrl(echo(url), host);
  return { kind: 'usage', problem };
}

/** An http(s) URL, the kind a job board gives (checked again before it is kept). */
function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return (protocol === 'https:' || protocol === 'http:') && text.length <= 2000;
  } catch {
    return false;
  }
}

function parseFilters(
  tokens: string[],
  copy: ReturnType<typeof commandProblemCopy>,
  echo: (token: string) => string,
): GigsCommand {
  const filters: RadarFilters = { words: [], labels: [] };
  const length = tokens.join(' ').length;
  if (length > MAX_FILTERS_CHARS)
    return {
      kind: 'usage',
      problem: copy.filtersTooLong(echo(tokens.join(' ')), length, MAX_FILTERS_CHARS),
    };
  for (const token of tokens) {
    const colon = token.indexOf(':');
    if (colon <= 0) {
      filters.words.push(token);
      continue;
    }
    const key = token.slice(0, colon).toLowerCase();
    const value = token.slice(colon + 1);
    if (!value) return { kind: 'usage', problem: copy.needsValue(echo(token)) };
    switch (key) {
      case 'label':
        filters.labels.push(value);
        break;
      case 'repo':
        if (!isGitHubFullName(value))
          return { kind: 'usage', problem: copy.repoFilter(echo(token)) };
        filters.repo = value;
        break;
      case 'min-stars':
      case 'min-comments': {
        const n = parseCount(echo(token), value, copy);
        if (typeof n === 'string') return { kind: 'usage', problem: n };
        if (key === 'min-stars') filters.minStars = n;
        else filters.minComments = n;
        break;
      }
      default:
        return { kind: 'usage', problem: copy.unknownFilter(echo(key)) };
    }
  }
  return { kind: 'list', filters };
}
