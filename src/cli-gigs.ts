import { ghAuthToken } from './clients/gh-token.ts';
import { createGitHub, type GitHubClientOptions } from './clients/github.ts';
import { ConfigError, loadConfig } from './config.ts';
import { isEnvPlaceholder } from './config-placeholders.ts';
import type { RadarDeps } from './deps.ts';
import type { Opportunity } from './domain/opportunity.ts';
import { parseGigsCommand } from './domain/parse-gigs-command.ts';
import {
  describeRadarProblem,
  opportunityFacts,
  rankOpportunities,
} from './features/radar/index.ts';
import type { Locale } from './i18n/locale.ts';
import { radarCopy } from './i18n/radar.ts';
import { createLogger } from './log.ts';
import { createGitHubSource } from './sources/github/index.ts';
import { OpportunitySources } from './sources/source.ts';
import { createSqliteStore } from './store/sqlite/index.ts';

export const GIGS_USAGE = `gigops gigs [words] [label:x] [repo:owner/name] [min-stars:N] [min-comments:N]

  The opportunity radar in a terminal: open Go issues ranked by score, with
  the reasons behind each. Needs no Slack app; GITHUB_TOKEN is optional (without
  it GitHub allows 10 searches a minute). Reads gigops.yml (or GIGOPS_CONFIG)
  for the radar settings when present.

  --limit N   how many to print (default 10)

  e.g.  npx gigops gigs
        npx gigops gigs grpc label:bug min-stars:5000
`;

export const GH_TOKEN_LINE = 'Using the GitHub CLI’s token (gh auth token).';
export const NO_TOKEN_LINE =
  'Ranked without a GitHub token: no stars or linked pull requests, 10 searches a minute. A token (no scopes needed) adds them: https://github.com/settings/personal-access-tokens → GITHUB_TOKEN.';

/** The ranked list as plain text: rank, score, id and title, facts, reasons. */
export function formatOpportunitiesText(items: Opportunity[], locale: Locale, now: Date): string {
  const copy = radarCopy(locale);
  return items
    .map((o, n) => {
      const facts = opportunityFacts(o, locale, now);
      const pad = ' '.repeat(String(items.length).length + 2);
      return [
        // The rank says the order; a bare score has no scale to read it on (issue 19, item 9).
        `${String(n + 1).padStart(String(items.length).length)}. ${o.label}  ${o.title}`,
        `${pad}${o.url}`,
        `${pad}${facts.map(plainEmoji).join(' · ')}${o.labels.length ? `  (${o.labels.join(', ')})` : ''}`,
        `${pad}why: ${o.reasons.map(copy.reason).join(', ')}`,
      ].join('\n');
    })
    .join('\n\n');
}

/** Slack's emoji short codes as the terminal shows them. */
const EMOJI: Record<string, string> = { ':moneybag:': '💰' };
const plainEmoji = (s: string) => s.replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? '');

/** `gigops gigs …`: works without any Slack token. */
export async function runGigs(
  argv: string[],
  env: Record<string, string | undefined>,
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
  /** The GitHub client's wait unit (1 s); tests shrink it rather than sleep. */
  github: Pick<GitHubClientOptions, 'retryBaseMs'> = {},
): Promise<number> {
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : 10;
  const words = limitAt >= 0 ? argv.filter((_, n) => n !== limitAt && n !== limitAt + 1) : argv;
  if (words.some((w) => w === '--help' || w === '-h' || w === 'help')) {
    out(GIGS_USAGE);
    return 0;
  }
  if (!Number.isInteger(limit) || limit < 1) {
    err(`--limit needs a whole number ≥ 1\n\n${GIGS_USAGE}`);
    return 2;
  }
  const command = parseGigsCommand(words.join(' '), { forSlack: false });
  if (command.kind !== 'list') {
    err(`${command.kind === 'usage' ? `${command.problem}\n\n` : ''}${GIGS_USAGE}`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  const ghToken = env.GITHUB_TOKEN?.trim()
    ? undefined
    : await ghAuthToken(env, env.GITHUB_API_URL || undefined);
  if (ghToken) err(`${GH_TOKEN_LINE}\n`);
  try {
    // Slack is not used here: placeholders satisfy the bot's required variables
    // (and .env.example's `xoxb-`, copied as is, is no reason to refuse).
    config = loadConfig({
      ...env,
      ...(ghToken ? { GITHUB_TOKEN: ghToken } : {}),
      SLACK_BOT_TOKEN:
        env.SLACK_BOT_TOKEN && !isEnvPlaceholder(env.SLACK_BOT_TOKEN)
          ? env.SLACK_BOT_TOKEN
          : 'xoxb-unused-by-the-cli',
      SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET || 'unused-by-the-cli',
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger({
    level: env.LOG_LEVEL?.trim() || 'silent',
    secrets: config.secrets,
  });
  const store = createSqliteStore(':memory:');
  const ports = {
    config,
    logger,
    github: createGitHub({
      token: config.env.GITHUB_TOKEN,
      baseUrl: config.env.GITHUB_API_URL,
      logger,
      ...github,
    }),
    now: () => new Date(),
  };
  const deps: RadarDeps = {
    ...ports,
    store,
    sources: new OpportunitySources([createGitHubSource(ports)]),
  };
  try {
    const ranked = await rankOpportunities(deps, command.filters);
    if (ranked.length === 0) {
      out(`${radarCopy(config.locale).nothingMatches(words.join(' '))}\n`);
      return 0;
    }
    out(`${formatOpportunitiesText(ranked.slice(0, limit), config.locale, deps.now())}\n`);
    if (!config.env.GITHUB_TOKEN) out(`\n${NO_TOKEN_LINE}\n`);
    return 0;
  } catch (error) {
    const problem = describeRadarProblem(error, config.locale, config.timezone);
    if (!problem) throw error;
    err(`${problem}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
