import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { formatChecklist, runDoctor } from '../src/doctor/index.ts';
import { manifestScopes } from '../src/doctor/slack-check.ts';
import { createLogger } from '../src/log.ts';
import { testEnv } from './support/env.ts';
import { FakeHttp } from './support/fake-http.ts';
import { FakeSlack } from './support/fake-slack.ts';

const DS = '1f2e3d4c-0000-4000-8000-000000000001';
const YAML = `
timezone: Europe/Berlin
admins: [U07JANE42]
delivery:
  repos: [acme-corp/api]
  notion: { dataSourceId: "${DS}" }
clients:
  - { id: acme, name: ACME, channel: C07ACMECORP, notionClient: ACME, repos: [acme-corp/api], snapshot: { timezone: America/New_York } }
`;
// A data source as Notion 2025-09-03 describes it (GET /v1/data_sources/:id), trimmed to what gigops reads.
const option = (name: string) => ({ id: name, name, color: 'default' });
const PROPERTIES: Record<string, object | undefined> = {
  Name: { id: 'title', name: 'Name', type: 'title', title: {} },
  Status: {
    id: 's',
    name: 'Status',
    type: 'status',
    status: {
      options: ['📝 Draft', '🔄 In Review', '✅ Done', '⛔ Closed'].map(option),
      groups: [],
    },
  },
  PR: { id: 'p', name: 'PR', type: 'url', url: {} },
  Reviewer: { id: 'r', name: 'Reviewer', type: 'rich_text', rich_text: {} },
  Date: { id: 'd', name: 'Date', type: 'date', date: {} },
  QA: { id: 'q', name: 'QA', type: 'select', select: { options: [] } },
  'Story Points': { id: 'n', name: 'Story Points', type: 'number', number: { format: 'number' } },
  Client: { id: 'c', name: 'Client', type: 'select', select: { options: [option('ACME')] } },
  Blocked: { id: 'b', name: 'Blocked', type: 'checkbox', checkbox: {} },
};
const rateLimit = (remaining: number) => ({
  resources: {
    core: { limit: 5000, remaining, reset: 1_795_000_000, used: 5000 - remaining },
    search: { limit: 30, remaining: 30, reset: 1_795_000_000, used: 0 },
  },
  rate: { limit: 5000, remaining, reset: 1_795_000_000, used: 5000 - remaining },
});

let slack: FakeSlack;
let github: FakeHttp;
let notion: FakeHttp;
const logger = createLogger({ level: 'silent' });

beforeEach(async () => {
  slack = await new FakeSlack().start();
  github = await new FakeHttp().route('GET /rate_limit', { body: rateLimit(4999) }).start();
  notion = await new FakeHttp()
    .route(`GET /v1/data_sources/${DS}`, {
      body: {
        object: 'data_source',
        id: DS,
        properties: PROPERTIES,
      },
    })
    .start();
  slack.responders.set('auth.test', () => ({
    ok: true,
    user: 'gigops',
    team: 'Acme',
    user_id: 'U0BOT',
  }));
});
afterEach(async () => {
  await Promise.all([slack.stop(), github.stop(), notion.stop()]);
});

const doctor = (env: Record<string, string> = {}) =>
  runDoctor(
    loadConfig(
      testEnv({
        SLACK_API_URL: slack.apiUrl,
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: 'ghp_testtoken',
        NOTION_API_URL: notion.url,
        NOTION_TOKEN: 'ntn_testtoken',
        ...env,
      }),
      { readFile: () => YAML },
    ),
    logger,
  );

const byName = (checks: Awaited<ReturnType<typeof doctor>>, name: string) =>
  checks.find((c) => c.name === name);

describe('gigops doctor', () => {
  it('passes a healthy setup and shows every schedule in its own zone', async () => {
    const checks = await doctor();
    expect(checks.filter((c) => c.status !== 'ok')).toEqual([]);
    const text = formatChecklist(checks);
    expect(text).toContain('✓ Config: ');
    expect(text).toContain('✓ Slack: authenticated as gigops in Acme');
    expect(text).toContain('✓ GitHub: token accepted: 4999/5000');
    expect(text).toContain(`✓ Notion: data source ${DS}`);
    expect(text).toContain('✓ Store: SQLite');
    expect(text).toMatch(
      /Schedule: snapshot acme: "0 10 \* \* 3" next Wed .*10:00 \(America\/New_York\)/,
    );
    expect(text).toContain('All checks passed.');
  });

  it('names a rejected Slack token and missing scopes', async () => {
    slack.responders.set('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    expect(byName(await doctor(), 'Slack')).toMatchObject({
      status: 'fail',
      detail: 'SLACK_BOT_TOKEN was rejected (invalid_auth)',
    });
    expect(manifestScopes()).toEqual([
      'commands',
      'chat:write',
      'files:write',
      'files:read',
      'channels:history',
      'groups:history',
      'im:write',
      'im:history',
    ]);
  });

  it('names a rejected GitHub token', async () => {
    github.route('GET /rate_limit', { status: 401, body: { message: 'Bad credentials' } });
    const check = byName(await doctor(), 'GitHub');
    expect(check).toMatchObject({
      status: 'fail',
      detail: 'GITHUB_TOKEN was rejected (401 Bad credentials)',
    });
    expect(formatChecklist([check!])).toContain('→ create a new token');
  });

  it('names a missing Notion property and how to fix it', async () => {
    notion.route(`GET /v1/data_sources/${DS}`, {
      body: {
        object: 'data_source',
        id: DS,
        properties: { ...PROPERTIES, PR: undefined },
      },
    });
    const check = byName(await doctor(), 'Notion');
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain('Property `PR` is missing');
    expect(check?.detail).toContain('delivery.notion.properties.pr');
  });

  it('names a property of the wrong type and a missing status option', async () => {
    notion.route(`GET /v1/data_sources/${DS}`, {
      body: {
        object: 'data_source',
        id: DS,
        properties: {
          ...PROPERTIES,
          'Story Points': { id: 'n', name: 'Story Points', type: 'rich_text', rich_text: {} },
          Status: {
            id: 's',
            name: 'Status',
            type: 'status',
            status: { options: [option('✅ Done')], groups: [] },
          },
        },
      },
    });
    const check = byName(await doctor(), 'Notion');
    const text = `${check?.detail} ${check?.fix}`;
    expect(check?.status).toBe('fail');
    expect(text).toContain('`Story Points` is `rich_text`, expected');
    expect(text).toContain('no option `🔄 In Review`');
  });

  it('names a Notion token that is rejected, and a data source not shared', async () => {
    notion.route(`GET /v1/data_sources/${DS}`, {
      status: 401,
      body: {
        object: 'error',
        status: 401,
        code: 'unauthorized',
        message: 'API token is invalid.',
      },
    });
    expect(byName(await doctor(), 'Notion')?.detail).toBe(
      'NOTION_TOKEN was rejected (401 unauthorized)',
    );
    notion.route(`GET /v1/data_sources/${DS}`, {
      status: 404,
      body: {
        object: 'error',
        status: 404,
        code: 'object_not_found',
        message: 'Could not find data source',
      },
    });
    expect(byName(await doctor(), 'Notion')?.fix).toContain('Connections');
  });

  it('warns without a GitHub token and says Notion is off without one', async () => {
    const checks = await doctor({ GITHUB_TOKEN: '', NOTION_TOKEN: '' });
    expect(byName(checks, 'GitHub')?.status).toBe('warn');
    expect(byName(checks, 'Notion')).toMatchObject({
      status: 'warn',
      detail: 'off: delivery sync and snapshots are disabled',
    });
  });
});
