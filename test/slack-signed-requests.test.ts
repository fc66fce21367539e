import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { signedHeaders, slashCommandBody } from './support/slack-sign.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.close();
});

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${t.url}/slack/events`, { method: 'POST', body, headers });

describe('POST /slack/events', () => {
  it('answers a signed /gigs help with 200 and sends usage to response_url', async () => {
    const body = slashCommandBody('help', t.slack.responseUrl('help'));
    const res = await post(body, signedHeaders(SIGNING_SECRET, body));
    expect(res.status).toBe(200);
    const reply = await t.slack.waitFor('response_url:/respond/help');
    expect(reply.params.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.params.blocks)).toContain('/gigs propose');
  });

  it('answers an unknown subcommand with usage naming the problem', async () => {
    const body = slashCommandBody('language:rust', t.slack.responseUrl('unknown'));
    const res = await post(body, signedHeaders(SIGNING_SECRET, body));
    expect(res.status).toBe(200);
    const reply = await t.slack.waitFor('response_url:/respond/unknown');
    expect(String(reply.params.text)).toContain('unknown filter `language:`');
  });

  it.each([
    ['unsigned', () => ({ 'content-type': 'application/x-www-form-urlencoded' })],
    ['wrongly signed', (body: string) => signedHeaders('not-the-secret', body)],
    [
      'stale (6 minutes old)',
      (body: string) => signedHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 6 * 60),
    ],
  ])('rejects a %s request with 401 and runs nothing', async (name, headers) => {
    const responseUrl = t.slack.responseUrl(`rejected-${name.split(' ')[0]}`);
    const body = slashCommandBody('help', responseUrl);
    const before = t.slack.calls.length;
    const res = await post(body, headers(body));
    expect(res.status).toBe(401);
    // A signed request sent after it is a barrier: once its reply arrives, a
    // wrongly dispatched handler for the rejected one would have answered too.
    const barrier = slashCommandBody('help', t.slack.responseUrl(`barrier-${name.split(' ')[0]}`));
    await post(barrier, signedHeaders(SIGNING_SECRET, barrier));
    await t.slack.waitFor(`response_url:/respond/barrier-${name.split(' ')[0]}`);
    expect(t.slack.calls.slice(before).map((c) => c.method)).toEqual([
      `response_url:/respond/barrier-${name.split(' ')[0]}`,
    ]);
  });
});

describe('GET /healthz', () => {
  it('is 200 once ready', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${t.url}/nope`)).status).toBe(404);
    expect((await fetch(`${t.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
