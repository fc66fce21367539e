import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/bot.ts';
import { deliveryYaml } from './support/delivery.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { githubHeaders } from './support/github-sign.ts';
import { buttonPress, viewSubmission } from './support/proposal-payloads.ts';
import { interactionBody, signedHeaders } from './support/slack-sign.ts';

const SECRET = 'webhook-secret-for-hostile-tests';
const PR_URL = 'https://github.com/Codertocat/Hello-World/pull/2';
const opened = JSON.stringify(
  examples
    .find((e) => e.name === 'pull_request')!
    .examples.find((e) => (e as { action: string }).action === 'opened'),
);

let t: TestBot;
let notion: FakeNotion;
let github: FakeGitHubPulls;

beforeAll(async () => {
  notion = await new FakeNotion().start();
  github = await new FakeGitHubPulls().start();
  notion.addItem({ title: 'Hello page', status: 'Not started', pr: PR_URL });
  github.setPull('Codertocat/Hello-World', {
    number: 2,
    headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    updatedAt: '2019-05-15T15:20:33Z',
  });
  const yaml = `${deliveryYaml(notion.dataSourceId)}
proposals:
  approvers: [U0BOSS]
clients:
  - id: acme
    name: ACME Corp
    channel: C0ACME
    notionClient: ACME
`;
  t = await startTestBot(yaml, {
    GITHUB_WEBHOOK_SECRET: SECRET,
    NOTION_TOKEN: 'secret_notion_hostile',
    NOTION_API_URL: notion.url,
    GITHUB_API_URL: github.url,
  });
});
afterAll(async () => {
  await t.close();
  await notion.stop();
  await github.stop();
});

const webhook = (body: NonNullable<RequestInit['body']>, headers: Record<string, string>) =>
  fetch(`${t.url}/github/webhook`, {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
const slackWrites = () =>
  t.slack.calls.filter((c) => c.method !== 'auth.test' && !c.method.startsWith('response_url:'));
const storeIsEmpty = async () => {
  expect(await t.bot.deps.store.delivery.pendingWebhookEvents(10)).toEqual([]);
  expect(notion.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/query'))).toEqual(
    [],
  );
};

describe('malformed and hostile requests to /github/webhook', () => {
  it('answers truncated JSON with a valid signature with 400 and records nothing', async () => {
    const body = opened.slice(0, 200);
    const res = await webhook(body, githubHeaders('pull_request', body, SECRET));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'unreadable_payload' });
    await storeIsEmpty();
  });

  it('answers a content type GitHub never sends with 415, even when signed', async () => {
    const headers = {
      ...githubHeaders('pull_request', opened, SECRET),
      'content-type': 'text/xml',
    };
    const res = await webhook(opened, headers);
    expect(res.status).toBe(415);
    await storeIsEmpty();
  });

  it('refuses a huge streamed body (no Content-Length) with 413', async () => {
    const chunk = new TextEncoder().encode(`{"padding":"${'x'.repeat(64 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const headers = githubHeaders('pull_request', 'unused', SECRET);
    const res = await webhook(stream, headers).catch((e: unknown) => e as Error);
    // Node may close the socket before the whole body is written; both are a refusal.
    if (res instanceof Response) expect(res.status).toBe(413);
    else expect(String(res.cause ?? res)).toMatch(/socket|EPIPE|ECONNRESET|closed/i);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    await storeIsEmpty();
  });

  it('runs a replayed X-GitHub-Delivery once, even with another signed body', async () => {
    const headers = githubHeaders('pull_request', opened, SECRET, 'replayed-delivery');
    expect((await webhook(opened, headers)).status).toBe(202);
    await notion.waitFor((r) => r.method === 'PATCH' && r.status === 200);
    await t.bot.deps.lifecycle.drain(5_000);
    const writes = notion.writes.length;
    const other = opened.replace('"opened"', '"closed"');
    const replay = await webhook(
      other,
      githubHeaders('pull_request', other, SECRET, 'replayed-delivery'),
    );
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ duplicate: 'replayed-delivery' });
    await t.bot.deps.lifecycle.drain(5_000);
    expect(notion.writes).toHaveLength(writes);
  });
});

const interact = (payload: unknown) => {
  const body = interactionBody(payload);
  return fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
};

describe('view submissions for records that do not exist', () => {
  it.each([
    ['proposal_edit_modal', 'problem', { problem: 'p', plan: 'q', evidence: 'e', price: '1' }],
    ['proposal_reject_modal', 'reason', { reason: 'no' }],
  ])(
    '%s naming an unknown draft answers inside the modal and writes nothing',
    async (callbackId, block, values) => {
      const before = slackWrites().length;
      const res = await interact(
        viewSubmission(
          callbackId,
          JSON.stringify({ id: 'no-such-draft', version: 1 }),
          values,
          'U0BOSS',
        ),
      );
      expect(res.status).toBe(200);
      const answer = (await res.json()) as {
        response_action: string;
        errors: Record<string, string>;
      };
      expect(answer.response_action).toBe('errors');
      expect(answer.errors[block]).toMatch(/no longer|gigs propose/);
      expect(slackWrites().length).toBe(before);
    },
  );

  it.each([
    ['proposal_edit_modal', 'problem'],
    ['proposal_reject_modal', 'reason'],
  ])(
    '%s with garbage private_metadata answers inside the modal, not with a 500',
    async (callbackId, block) => {
      const res = await interact(viewSubmission(callbackId, '{"id":', { [block]: 'x' }, 'U0BOSS'));
      expect(res.status).toBe(200);
      const answer = (await res.json()) as {
        response_action: string;
        errors: Record<string, string>;
      };
      expect(answer.response_action).toBe('errors');
      expect(answer.errors[block]).toBeTruthy();
    },
  );
});

describe('button presses for records that do not exist', () => {
  it('proposal_approve with an unknown draft id tells the presser privately, nothing else', async () => {
    const before = slackWrites().length;
    const res = await interact(
      buttonPress('proposal_approve', 'no-such-draft', { user: 'U0BOSS' }),
    );
    expect(res.status).toBe(200);
    const reply = await t.slack.waitFor('chat.postEphemeral', (c) => c.params.user === 'U0BOSS');
    expect(String(reply.params.text)).toMatch(/gigs propose/);
    expect(slackWrites().length).toBe(before + 1);
  });

  it('snapshot_post with an unknown client names it and the configured ones', async () => {
    const press = {
      ...buttonPress('snapshot_post', 'globex', { user: 'U0BOSS' }), // an admin: others are refused first
      response_url: t.slack.responseUrl('snap'),
    };
    expect((await interact(press)).status).toBe(200);
    const reply = await t.slack.waitFor('response_url:/respond/snap');
    expect(reply.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply.params.text)).toContain('no client `globex`; configured: acme');
  });

  it.each([
    ['garbage', 'garbage'],
    ['a malformed id', 'a/b#x'],
    ['an empty value', ''],
  ])(
    'opportunity_dismiss with %s says the button is stale and dismisses nothing',
    async (name, value) => {
      const url = t.slack.responseUrl(`dismiss-${name.replace(/\W/g, '')}`);
      expect(
        (await interact({ ...buttonPress('opportunity_dismiss', value), response_url: url }))
          .status,
      ).toBe(200);
      const reply = await t.slack.waitFor(`response_url:${new URL(url).pathname}`);
      expect(reply.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(reply.params.text)).toContain('no longer knows');
    },
  );
});
