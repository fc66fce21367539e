import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotPages } from './fixtures/snapshot-data-source.ts';
import { deliveryYaml, REPO } from './support/delivery.ts';
import { tempDir } from './support/env.ts';
import { FakeGitHubIssues } from './support/fake-github-issues.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack, type RecordedCall } from './support/fake-slack.ts';
import { goPanicIssue } from './support/github-fixtures.ts';
import { githubHeaders } from './support/github-sign.ts';
import { buttonPress, draftIdOf } from './support/proposal-payloads.ts';
import { interactionBody, signedHeaders, slashCommandBody } from './support/slack-sign.ts';

/**
 * The real bot as a process (`gigops start`), SIGKILLed while a fake holds
 * its write open, then restarted on the same DATA_DIR. Every process runs
 * at LOG_LEVEL=trace with distinctive secret values, and all their output is
 * checked for those values at the end.
 */
const BIN = fileURLToPath(new URL('../bin/gigops.js', import.meta.url));
const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-crash-SECRET-bot-7f3a9c',
  SLACK_SIGNING_SECRET: 'crash-SECRET-signing-2b8e41',
  GITHUB_TOKEN: 'ghp_crashSECRETgithub5d9e0a',
  GITHUB_WEBHOOK_SECRET: 'crash-SECRET-webhook-c41f7d',
  NOTION_TOKEN: 'ntn_crashSECRETnotion8a2b6e',
};
const children: ChildProcess[] = [];
const outputs: string[] = [];
const stops: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const stop of stops.splice(0)) await stop();
});

function startBot(dataDir: string, yaml: string, env: Record<string, string>) {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'gigops.yml'), yaml);
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      ...SECRETS,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'trace',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const index = outputs.push('') - 1;
  const onData = (d: Buffer) => {
    output += d.toString();
    outputs[index] = output;
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = once(child, 'exit');
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const line = output.split('\n').find((l) => l.includes('gigops is ready'));
      if (line) resolve(`http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`);
    });
    exited.then(() => reject(new Error(`bot exited before ready:\n${output}`)));
  });
  ready.catch(() => {});
  return {
    ready,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

const signedPost = (url: string, body: string) =>
  fetch(`${url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SECRETS.SLACK_SIGNING_SECRET, body),
  });

describe('kill -9 mid-write, then restart on the same DATA_DIR', () => {
  it('a snapshot post: one Slack post, never two', async () => {
    const slack = await new FakeSlack().start();
    const notion = await new FakeNotionSnapshots('ds-delivery').start();
    notion.pages = snapshotPages;
    stops.push(
      () => slack.stop(),
      () => notion.stop(),
    );
    // Every minute is a slot, so start-up catch-up posts this week's at once.
    const yaml = `
delivery:
  notion:
    dataSourceId: ds-delivery
clients:
  - id: acme
    name: ACME Corp
    channel: C0ACME
    notionClient: ACME
    snapshot:
      cron: "* * * * *"
      graceHours: 48
`;
    const env = { SLACK_API_URL: slack.apiUrl, NOTION_API_URL: notion.url };
    const dataDir = tempDir();
    // Slack receives the post (it is recorded) but the answer never comes back.
    slack.httpFaults.set('chat.postMessage', [{ hold: true }]);
    const first = startBot(dataDir, yaml, env);
    await slack.waitFor('chat.postMessage');
    await first.kill9();

    const second = startBot(dataDir, yaml, env);
    await second.ready;
    await waitForOutput(second.output, 'was being posted when gigops stopped');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a webhook’s Notion write: the page is written by the next process', async () => {
    const slack = await new FakeSlack().start();
    const notion = await new FakeNotion().start();
    const github = await new FakeGitHubPulls().start();
    stops.push(
      () => slack.stop(),
      () => notion.stop(),
      () => github.stop(),
    );
    const sha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
    github.setPull(REPO, { number: 2, headSha: sha, updatedAt: '2019-05-15T15:20:33Z' });
    const item = notion.addItem({
      title: 'Hello page',
      status: 'Not started',
      pr: `https://github.com/${REPO}/pull/2`,
    });
    const yaml = deliveryYaml(notion.dataSourceId);
    const env = {
      SLACK_API_URL: slack.apiUrl,
      NOTION_API_URL: notion.url,
      GITHUB_API_URL: github.url,
    };
    const dataDir = tempDir();
    notion.hold = (method) => method === 'PATCH';
    const first = startBot(dataDir, yaml, env);
    const body = JSON.stringify(
      examples
        .find((e) => e.name === 'pull_request')!
        .examples.find((e) => (e as { action: string }).action === 'opened'),
    );
    const res = await fetch(`${await first.ready}/github/webhook`, {
      method: 'POST',
      body,
      headers: githubHeaders('pull_request', body, SECRETS.GITHUB_WEBHOOK_SECRET),
    });
    expect(res.status).toBe(202);
    await notion.waitFor((r) => r.method === 'PATCH' && r.status === 0);
    await first.kill9();
    expect(notion.value(item, 'Status')).toBe('Not started');

    notion.hold = undefined;
    const second = startBot(dataDir, yaml, env);
    await second.ready;
    await notion.waitFor((r) => r.method === 'PATCH' && r.status === 200);
    expect(notion.value(item, 'Status')).toBe('🔄 In Review');
    expect(notion.writes).toHaveLength(1);
  });

  it('an approval: approved once, announced at most once, and the next press changes nothing', async () => {
    const slack = await new FakeSlack().start();
    const github = await new FakeGitHubIssues().start();
    github.issues.set('acme/pool#7', goPanicIssue());
    stops.push(
      () => slack.stop(),
      () => github.stop(),
    );
    const yaml = 'proposals:\n  approvers: [U0BOSS]\n  hourlyRate: 100\n';
    const env = { SLACK_API_URL: slack.apiUrl, GITHUB_API_URL: github.url };
    const dataDir = tempDir();
    const first = startBot(dataDir, yaml, env);
    const url = await first.ready;
    const propose = slashCommandBody(
      'propose https://github.com/acme/pool/issues/7',
      slack.responseUrl('propose'),
    );
    expect((await signedPost(url, propose)).status).toBe(200);
    const isDraft = (c: RecordedCall) =>
      JSON.stringify(c.params.blocks).includes('proposal_approve');
    const draft = await slack.waitFor('chat.postMessage', isDraft);
    const id = draftIdOf(draft);

    // The approval is stored, then the redraw of the draft message hangs.
    slack.httpFaults.set('chat.update', [{ hold: true }]);
    const approve = () =>
      interactionBody(
        buttonPress('proposal_approve', id, { user: 'U0BOSS', channel: 'C0CHANNEL' }),
      );
    expect((await signedPost(url, approve())).status).toBe(200);
    await slack.waitFor('chat.update');
    await first.kill9();

    const second = startBot(dataDir, yaml, env);
    const restarted = await second.ready;
    expect((await signedPost(restarted, approve())).status).toBe(200);
    // That press is done once /metrics counts it; it adds no message.
    await vi.waitFor(
      async () =>
        expect(await (await fetch(`${restarted}/metrics`)).text()).toContain(
          'gigops_slack_requests_total{kind="block_actions",name="proposal_approve",outcome="ok"} 1',
        ),
      { timeout: 10_000, interval: 50 },
    );
    expect(slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    const announcements = slack
      .callsTo('chat.postMessage')
      .filter((c) => String(c.params.text).includes('approved'));
    expect(announcements.length).toBeLessThanOrEqual(1);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
  });
});

describe('secrets in the logs of every process above (LOG_LEVEL=trace)', () => {
  afterAll(() => {
    outputs.length = 0;
  });
  it('contain no token or secret value', () => {
    const all = outputs.join('\n');
    expect(all.length).toBeGreaterThan(1_000);
    expect(all).toContain('"level":20'); // the most verbose lines were written
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(all.includes(value), `${name} appears in the logs`).toBe(false);
      expect(all.includes(value.slice(4, -2)), `part of ${name} appears in the logs`).toBe(false);
    }
  });
});

async function waitForOutput(output: () => string, text: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
