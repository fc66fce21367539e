import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './support/fake-slack.ts';

/**
 * The fake Slack refuses blocks past Block Kit's limits as Slack does
 * (shared/FACTS.md), so a test cannot pass with a message real Slack would
 * drop: issue 18, item 10 was a 3,066-character section that only a
 * workspace would have refused.
 */

let slack: FakeSlack;
let web: WebClient;
beforeAll(async () => {
  slack = await new FakeSlack().start();
  web = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(() => slack.stop());

const section = (length: number) => ({
  type: 'section',
  text: { type: 'mrkdwn', text: 'x'.repeat(length) },
});

describe('the fake Slack', () => {
  it('answers invalid_blocks to a section over 3,000 characters, and posts nothing', async () => {
    await expect(
      web.chat.postMessage({ channel: 'C1', text: 't', blocks: [section(3066)] }),
    ).rejects.toMatchObject({ data: { ok: false, error: 'invalid_blocks' } });
    expect(slack.messages).toEqual([]);
    await expect(
      web.chat.postMessage({ channel: 'C1', text: 't', blocks: [section(3000)] }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('answers msg_blocks_too_long past about 13k characters of blocks', async () => {
    const blocks = Array.from({ length: 6 }, () => section(2500));
    await expect(
      web.chat.update({ channel: 'C1', ts: '1.2', text: 't', blocks }),
    ).rejects.toMatchObject({ data: { error: 'msg_blocks_too_long' } });
  });

  it('answers a response_url like a webhook: HTTP 400 invalid_blocks', async () => {
    const res = await fetch(slack.responseUrl('long'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 't', blocks: [section(3066)] }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('invalid_blocks');
  });

  it('checks views against the view limits (100 blocks)', async () => {
    const blocks = Array.from({ length: 101 }, () => section(10));
    await expect(
      web.views.publish({ user_id: 'U1', view: { type: 'home', blocks } as never }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
  });
});
