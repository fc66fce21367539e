import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ensureIssueQualifier, loadConfig } from '../src/config.ts';

const example = readFileSync(new URL('../gigops.example.yml', import.meta.url), 'utf8');
const env = {
  SLACK_BOT_TOKEN: 'xoxb-secret-bot-token-value',
  SLACK_SIGNING_SECRET: 'signing-secret-value-123',
  GIGOPS_CONFIG: '/etc/gigops.yml',
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const withYaml = (yaml: string, e: Record<string, string | undefined> = env) =>
  loadConfig(e, { readFile: () => yaml });

describe('loadConfig', () => {
  it('accepts the shipped example with its defaults filled in', () => {
    const config = withYaml(example);
    expect(config.mode).toBe('http');
    expect(config.timezone).toBe('Europe/Berlin');
    expect(config.radar.minStars).toBe(500);
    expect(config.delivery?.notion.properties.points).toBe('Story Points');
    expect(config.clients[0]?.snapshot).toMatchObject({
      cron: '0 10 * * 3',
      timezone: 'America/New_York',
    });
    expect(config.env).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
      SLACK_API_URL: 'https://slack.com/api/',
      GITHUB_API_URL: 'https://api.github.com',
      NOTION_API_URL: 'https://api.notion.com',
      DATA_DIR: './data',
    });
    expect(config.env.DATABASE_URL).toBeUndefined();
    expect(config.mode).toBe('http');
  });

  it('reads ./gigops.yml when GIGOPS_CONFIG is unset, and the file GIGOPS_CONFIG names otherwise', () => {
    const read: string[] = [];
    const readFile = (path: string) => {
      read.push(path);
      return 'timezone: Asia/Tokyo\n';
    };
    expect(loadConfig({ ...env, GIGOPS_CONFIG: undefined }, { readFile }).timezone).toBe(
      'Asia/Tokyo',
    );
    loadConfig(env, { readFile });
    expect(read).toEqual([resolve('gigops.yml'), resolve('/etc/gigops.yml')]);
  });

  it('runs on defaults when the default config file is absent', () => {
    const config = loadConfig({ ...env, GIGOPS_CONFIG: undefined }, { readFile: () => undefined });
    expect(config.radar.query).toBe('language:go is:issue is:open label:"help wanted"');
    expect(config.clients).toEqual([]);
    expect(config.delivery).toBeUndefined();
  });

  it('uses Socket Mode with an app token, and then needs no signing secret', () => {
    const config = withYaml('', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(config.mode).toBe('socket');
  });

  it('reports every problem at once, each with its path', () => {
    const yaml = `
timezone: Mars/Olympus
locale: fr
radar:
  minStars: lots
  excludeRepos: [not-a-repo]
  digest: { channel: general, cron: "every day" }
proposals:
  approvers: [jane]
clients:
  - { id: ACME, name: A, channel: C1, notionClient: A }
surprise: true
`;
    const problems = problemsOf(() =>
      withYaml(yaml, { SLACK_BOT_TOKEN: 'not-a-token', PORT: '99999', LOG_LEVEL: 'loud' }),
    );
    const text = problems.join('\n');
    for (const path of [
      'SLACK_BOT_TOKEN:',
      'SLACK_SIGNING_SECRET:',
      'PORT:',
      'LOG_LEVEL:',
      'timezone:',
      'locale:',
      'radar.minStars:',
      'radar.excludeRepos.0:',
      'radar.digest.channel:',
      'radar.digest.cron:',
      'proposals.approvers.0:',
      'clients.0.id:',
    ]) {
      expect(text).toContain(path);
    }
    expect(text).toMatch(/surprise/);
    expect(text).toMatch(/radar\.minStars: .*number/);
  });

  it('names a missing explicit file and invalid YAML', () => {
    expect(problemsOf(() => loadConfig(env, { readFile: () => undefined }))).toEqual([
      'GIGOPS_CONFIG: no file at /etc/gigops.yml: copy gigops.example.yml there, or unset GIGOPS_CONFIG to run on the defaults',
    ]);
    expect(problemsOf(() => withYaml('radar: [unclosed'))[0]).toMatch(/not valid YAML/);
  });

  it('never puts a secret value in the error text', () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxp-user-token-should-not-leak',
      SLACK_SIGNING_SECRET: 'very-secret-signing',
      GITHUB_TOKEN: 'ghp_secretgithubtoken',
      DATABASE_URL: 'mysql://user:hunter2@db/x',
    };
    let message = '';
    try {
      withYaml('', secrets);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).toContain('DATABASE_URL');
    for (const value of Object.values(secrets)) expect(message).not.toContain(value);
  });

  it('accepts every key of the contract: admins, leads, proposals.about, a client’s repos, email, hold and previewBefore', () => {
    const config = withYaml(`
admins: [U0ADMIN1]
proposals: { about: "Go since 2014." }
leads: { channel: C0LEADS1 }
clients:
  - id: acme
    name: ACME
    channel: C0ACME1
    notionClient: ACME
    repos: [acme/api]
    email: [cto@acme.example]
    snapshot: { hold: true, previewBefore: 90m }
`);
    expect(config.admins).toEqual(['U0ADMIN1']);
    expect(config.proposals.about).toBe('Go since 2014.');
    expect(config.leads).toEqual({ channel: 'C0LEADS1', pollCron: '*/10 * * * *' });
    expect(config.clients[0]).toMatchObject({ repos: ['acme/api'], email: ['cto@acme.example'] });
    expect(config.clients[0]?.snapshot).toMatchObject({ hold: true, previewBefore: 90 * 60_000 });
    const defaults = withYaml('clients: [{ id: b, name: B, channel: C0B1, notionClient: B }]');
    expect(defaults.admins).toBeUndefined();
    expect(defaults.clients[0]).toMatchObject({ repos: [], email: [] });
    expect(defaults.clients[0]?.snapshot).toMatchObject({ hold: false, previewBefore: 86_400_000 });
    expect(
      problemsOf(() =>
        withYaml(
          `clients: [{ id: b, name: B, channel: C0B1, notionClient: B, email: [nope], snapshot: { previewBefore: tomorrow } }]`,
        ),
      ).join('\n'),
    ).toMatch(
      /clients\.0\.email\.0[\s\S]*clients\.0\.snapshot\.previewBefore: expected a duration/,
    );
  });

  it('adds is:issue to a search query that lacks it', () => {
    expect(ensureIssueQualifier('language:go label:bug')).toBe('language:go label:bug is:issue');
    expect(ensureIssueQualifier('is:issue language:go')).toBe('is:issue language:go');
    expect(withYaml('radar: { query: "language:go" }').radar.query).toBe('language:go is:issue');
  });
});

describe('client reports’ environment (issue 23)', () => {
  const smtp = 'smtps://bot:s3cret%40pass@smtp.example.net:465';
  const secret = 'k'.repeat(40);

  it('reads SMTP_URL, EMAIL_FROM, PUBLIC_URL and REPORT_SECRET, all optional', () => {
    const { SMTP_URL, EMAIL_FROM, PUBLIC_URL, REPORT_SECRET } = withYaml('').env;
    expect([SMTP_URL, EMAIL_FROM, PUBLIC_URL, REPORT_SECRET]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const config = withYaml('', {
      ...env,
      SMTP_URL: smtp,
      EMAIL_FROM: 'Jane Doe <reports@freelancer.example>',
      PUBLIC_URL: 'https://gigops.freelancer.example',
      REPORT_SECRET: secret,
    });
    expect(config.env).toMatchObject({
      SMTP_URL: smtp,
      EMAIL_FROM: 'Jane Doe <reports@freelancer.example>',
      PUBLIC_URL: 'https://gigops.freelancer.example',
      REPORT_SECRET: secret,
    });
    // SMTP_URL, its password alone and REPORT_SECRET are scrubbed from logs and messages.
    expect(config.secrets).toEqual(expect.arrayContaining([smtp, 's3cret@pass', secret]));
    expect(withYaml('', { ...env, EMAIL_FROM: 'reports@freelancer.example' }).env.EMAIL_FROM).toBe(
      'reports@freelancer.example',
    );
  });

  it('needs EMAIL_FROM with SMTP_URL and REPORT_SECRET (32+ characters) with PUBLIC_URL, named with every other problem', () => {
    const problems = problemsOf(() =>
      withYaml('', {
        SLACK_BOT_TOKEN: 'nope',
        SLACK_SIGNING_SECRET: 'x',
        SMTP_URL: smtp,
        PUBLIC_URL: 'https://gigops.freelancer.example',
      }),
    );
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN: expected a bot token starting with xoxb-',
      'EMAIL_FROM: required with SMTP_URL: the sender of e-mailed snapshots, such as reports@example.com',
      'REPORT_SECRET: required with PUBLIC_URL: a random key of at least 32 characters that signs report links (`openssl rand -base64 32`)',
    ]);
    const shapes = problemsOf(() =>
      withYaml('', {
        ...env,
        SMTP_URL: 'https://smtp.example.net',
        EMAIL_FROM: 'Jane Doe',
        PUBLIC_URL: 'gigops.example',
        REPORT_SECRET: 'short-secret-value',
      }),
    );
    expect(shapes).toEqual([
      'SMTP_URL: expected smtp://user:password@host:port (or smtps:// for TLS from the start)',
      'EMAIL_FROM: expected a sender such as reports@example.com or "Jane Doe <reports@example.com>"',
      'PUBLIC_URL: expected the bot’s public base URL, such as https://gigops.example.com',
      'REPORT_SECRET: expected at least 32 characters: make one with `openssl rand -base64 32`',
    ]);
    expect(shapes.join('\n')).not.toContain('short-secret-value');
  });

  it('stops on .env.example’s report values left as they are', () => {
    const problems = problemsOf(() =>
      withYaml('', {
        ...env,
        SMTP_URL: 'smtps://user:password@smtp.example.com:465',
        EMAIL_FROM: 'Jane Doe <reports@example.com>',
        PUBLIC_URL: 'https://gigops.example.com',
        REPORT_SECRET: secret,
      }),
    );
    expect(problems.map((p) => p.split(' is still')[0])).toEqual([
      'SMTP_URL',
      'EMAIL_FROM',
      'PUBLIC_URL',
    ]);
  });
});
