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

/** A 1×1 PNG, enough for the upload flow. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const image = (id: string) => ({ type: 'image', slack_file: { id }, alt_text: 'a chart' });

describe('the fake Slack’s files, as Slack’s upload flow works (issue 23)', () => {
  it('keeps a file uploaded without channel_id private, shows it in an image block once processed', async () => {
    slack.fileProcessingLooks = 1;
    const uploaded = await web.filesUploadV2({ file: PNG, filename: 'chart.png', title: 'Chart' });
    slack.fileProcessingLooks = 0;
    const id = (uploaded.files[0] as { files: Array<{ id: string }> }).files[0]!.id;
    expect(slack.files.get(id)).toMatchObject({ name: 'chart.png', title: 'Chart', shares: [] });
    // Still processing: the image block is refused, and files.info shows no mimetype.
    await expect(
      web.chat.postMessage({ channel: 'C1', text: 't', blocks: [image(id)] }),
    ).rejects.toMatchObject({
      data: {
        error: 'invalid_blocks',
        errors: ['invalid slack file [json-pointer:/blocks/0/slack_file]'],
      },
    });
    expect((await web.files.info({ file: id })).file?.mimetype).toBe('');
    expect((await web.files.info({ file: id })).file?.mimetype).toBe('image/png');
    await expect(
      web.chat.postMessage({ channel: 'C1', text: 't', blocks: [image(id)] }),
    ).resolves.toMatchObject({ ok: true });
    expect(slack.messages.filter((m) => m.files)).toEqual([]);
  });

  it('refuses an image block naming an unknown file or a bad id, or with two sources', async () => {
    await expect(
      web.chat.postMessage({ channel: 'C1', text: 't', blocks: [image('F99999999')] }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(
      web.chat.postMessage({ channel: 'C1', text: 't', blocks: [image('not-a-file')] }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    const both = { ...image('F12345678'), image_url: 'https://example.com/a.png' };
    await expect(
      web.chat.postMessage({ channel: 'C1', text: 't', blocks: [both] as never }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
  });

  it('shares a file completed with channel_id and thread_ts as a message in that thread', async () => {
    await web.filesUploadV2({
      file: PNG,
      filename: 'acme-2026-W48.pdf',
      channel_id: 'C2',
      thread_ts: '1.000100',
    });
    expect(slack.messages.filter((m) => m.channel === 'C2')).toMatchObject([
      { thread_ts: '1.000100', files: [{ name: 'acme-2026-W48.pdf' }] },
    ]);
  });
});
