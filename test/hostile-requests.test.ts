import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { interactionBody, signedHeaders, slashCommandBody } from './support/slack-sign.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.close();
});

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${t.url}/slack/events`, { method: 'POST', body, headers });
const signed = (body: string, contentType?: string) =>
  post(body, signedHeaders(SIGNING_SECRET, body, undefined, contentType));
const writes = () => t.slack.calls.filter((c) => c.method !== 'auth.test');

describe('malformed and hostile requests to /slack/events', () => {
  it.each([
    ['truncated JSON', '{"type":"event_callback","event":{', 'application/json'],
    ['a payload that is not JSON', 'payload=%7B%22type', 'application/x-www-form-urlencoded'],
    ['a wrong content type', 'hello', 'text/plain'],
  ])('answers %s with 400 and runs nothing', async (_name, body, contentType) => {
    const before = writes().length;
    const res = await signed(body, contentType);
    expect(res.status).toBe(400);
    expect(writes().length).toBe(before);
  });

  it('refuses a huge body with 413 before reading it', async () => {
    const body = slashCommandBody(
      `help ${'x'.repeat(2 * 1024 * 1024)}`,
      t.slack.responseUrl('huge'),
    );
    const res = await signed(body);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('refuses a replayed signed request with 401 and runs it once', async () => {
    const body = slashCommandBody('help', t.slack.responseUrl('replayed'));
    const headers = signedHeaders(SIGNING_SECRET, body);
    expect((await post(body, headers)).status).toBe(200);
    await t.slack.waitFor('response_url:/respond/replayed');
    expect((await post(body, headers)).status).toBe(401);
    // The barrier: a fresh request's answer arrives after any second run would have.
    const barrier = slashCommandBody('help', t.slack.responseUrl('after-replay'));
    await post(barrier, signedHeaders(SIGNING_SECRET, barrier));
    await t.slack.waitFor('response_url:/respond/after-replay');
    expect(t.slack.callsTo('response_url:/respond/replayed')).toHaveLength(1);
  });

  it('acks a press of an unknown button and answers it politely', async () => {
    const body = interactionBody({
      type: 'block_actions',
      user: { id: 'U0USER' },
      team: { id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'x',
      trigger_id: '1.2.3',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C0CHANNEL' },
      channel: { id: 'C0CHANNEL' },
      response_url: t.slack.responseUrl('stale'),
      actions: [
        {
          action_id: 'retired_button',
          block_id: 'b',
          type: 'button',
          value: 'x',
          action_ts: '1.2',
        },
      ],
    });
    const res = await signed(body);
    expect(res.status).toBe(200);
    const reply = await t.slack.waitFor('response_url:/respond/stale');
    expect(reply.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply.params.text)).toContain('no longer knows');
  });

  it('acks a submission of an unknown modal and writes nothing', async () => {
    const before = writes().length;
    const body = interactionBody({
      type: 'view_submission',
      user: { id: 'U0USER' },
      team: { id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'x',
      view: {
        id: 'V1',
        callback_id: 'retired_modal',
        private_metadata: 'gone',
        state: { values: {} },
      },
    });
    const res = await signed(body);
    expect(res.status).toBe(200);
    expect(writes().length).toBe(before);
  });
});
