import { startTestBot, type TestBot } from './bot.ts';
import { FakeGitHubLeads, type LeadsFault } from './fake-github-leads.ts';

export { FakeGitHubLeads, type FakePull, fakePull } from './fake-github-leads.ts';
export { touch } from './fake-github-leads-shapes.ts';

/** The login whose pull requests are leads, and the leads channel, in every leads test. */
export const LOGIN = 'jane-go';
export const LEADS_CHANNEL = 'C0LEADS';

/**
 * gigops.yml for leads tests. The poll's cron never fires during a test
 * (1 January, midnight): tests run the poll themselves, at the slot they name.
 */
export const LEADS_YAML = (extra = '') => `
timezone: UTC
admins: [U0ADMIN]
proposals:
  githubLogin: ${LOGIN}
  currency: USD
leads:
  channel: ${LEADS_CHANNEL}
  pollCron: "0 0 1 1 *"
clients:
  - id: acme
    name: ACME Corp
    channel: C0ACME
    notionClient: ACME
    repos: [acme/api]
${extra}`;

export interface LeadsBot extends TestBot {
  github: FakeGitHubLeads;
  /** The bot's clock; tests move it. */
  clock: { now: Date };
}

/** The real bot on a fake Slack and a fake GitHub for leads, with a token (GraphQL needs one). */
export async function startLeadsBot(
  options: { yaml?: string; github?: FakeGitHubLeads; dataDir?: string; now?: Date } = {},
): Promise<LeadsBot> {
  const github = options.github ?? (await new FakeGitHubLeads().start());
  github.logins.add(LOGIN);
  const clock = { now: options.now ?? new Date('2026-11-20T09:00:00Z') };
  const t = await startTestBot(
    options.yaml ?? LEADS_YAML(),
    {
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: 'ghp_leads_test_0123456789',
      ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    },
    () => clock.now,
  );
  // The start-up poll (nothing to find yet) is over before a test adds pull requests.
  await t.bot.startup;
  return { ...t, github, clock };
}

/** A primary rate limit, as GitHub answers it. */
export const RATE_LIMITED: LeadsFault = {
  status: 403,
  headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' },
  body: { message: 'API rate limit exceeded' },
};
