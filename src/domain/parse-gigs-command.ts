/**
 * The `/gigs` grammar (PRODUCT.md): pure, total — every input yields a
 * command or a usage answer naming what was wrong.
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
  | { kind: 'snapshot'; clientId?: string }
  | { kind: 'sync' }
  | { kind: 'help' }
  | { kind: 'usage'; problem: string };

const ISSUE_URL = /^https?:\/\/[^/\s]+\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)\/?(?:[?#].*)?$/;
const REPO = /^[\w.-]+\/[\w.-]+$/;
const CLIENT_ID = /^[a-z0-9][a-z0-9-]*$/;

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

function parseCount(token: string, value: string): number | string {
  if (!/^\d+(\.\d+)?k?$/i.test(value))
    return `\`${token}\` needs a whole number, e.g. ${token.split(':')[0]}:500`;
  const n = value.toLowerCase().endsWith('k') ? Number.parseFloat(value) * 1000 : Number(value);
  return Math.round(n);
}

export function parseGigsCommand(text: string): GigsCommand {
  const tokens = tokenize(text.trim());
  const [head, ...rest] = tokens;
  const sub = head?.toLowerCase();
  if (sub === 'help' || sub === '-h' || sub === '--help' || sub === '?') return { kind: 'help' };
  if (sub === 'propose') {
    const url = rest[0] ? unlink(rest[0]) : undefined;
    if (!url || rest.length > 1)
      return { kind: 'usage', problem: '`propose` takes one GitHub issue URL' };
    const m = ISSUE_URL.exec(url);
    if (!m) return { kind: 'usage', problem: `\`${url}\` is not a GitHub issue URL` };
    return { kind: 'propose', issueUrl: url, owner: m[1]!, repo: m[2]!, number: Number(m[3]) };
  }
  if (sub === 'snapshot') {
    if (rest.length > 1)
      return { kind: 'usage', problem: '`snapshot` takes at most one client id' };
    const clientId = rest[0]?.toLowerCase();
    if (clientId === undefined) return { kind: 'snapshot' };
    if (!CLIENT_ID.test(clientId))
      return { kind: 'usage', problem: `\`${rest[0]}\` is not a client id` };
    return { kind: 'snapshot', clientId };
  }
  if (sub === 'sync') {
    if (rest.length > 0) return { kind: 'usage', problem: '`sync` takes no arguments' };
    return { kind: 'sync' };
  }
  return parseFilters(tokens);
}

function parseFilters(tokens: string[]): GigsCommand {
  const filters: RadarFilters = { words: [], labels: [] };
  for (const token of tokens) {
    const colon = token.indexOf(':');
    if (colon <= 0) {
      filters.words.push(token);
      continue;
    }
    const key = token.slice(0, colon).toLowerCase();
    const value = token.slice(colon + 1);
    if (!value) return { kind: 'usage', problem: `\`${token}\` needs a value` };
    switch (key) {
      case 'label':
        filters.labels.push(value);
        break;
      case 'repo':
        if (!REPO.test(value))
          return { kind: 'usage', problem: `\`${token}\` needs owner/name, e.g. repo:golang/go` };
        filters.repo = value;
        break;
      case 'min-stars':
      case 'min-comments': {
        const n = parseCount(token, value);
        if (typeof n === 'string') return { kind: 'usage', problem: n };
        if (key === 'min-stars') filters.minStars = n;
        else filters.minComments = n;
        break;
      }
      default:
        return {
          kind: 'usage',
          problem: `unknown filter \`${key}:\` — use label:, repo:, min-stars: or min-comments:`,
        };
    }
  }
  return { kind: 'list', filters };
}
