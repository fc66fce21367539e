import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotPages } from './fixtures/snapshot-data-source.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { interactionBody, signedHeaders, slashCommandBody } from './support/slack-sign.ts';
import { SNAPSHOT_YAML } from './support/snapshot-deps.ts';

// Monday 2026-11-30 12:00 New York: last Wednesday is days past the grace
// window, so start-up posts nothing and every post below is ours.
const NOW = new Date('2026-11-30T17:00:00.000Z');
const TWO_CLIENTS = `
  - id: globex
    name: Globex
    channel: C0GLOBEX
    notionClient: Globex`;

let notion: FakeNotionSnapshots;
const bots: TestBot[] = [];

beforeAll(async () => {
  notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = snapshotPages;
});
afterAll(async () => {
  for (const b of bots) await b.close();
  await notion.stop();
});

async function startBot(yaml: string, withNotion = true): Promise<TestBot> {
  const t = await startTestBot(
    yaml,
    withNotion ? { NOTION_TOKEN: 'secret_test', NOTION_API_URL: notion.url } : {},
    () => NOW,
  );
  bots.push(t);
  await t.bot.startup;
  return t;
}

async function slash(t: TestBot, text: string, name: string) {
  const body = slashCommandBody(text, t.slack.responseUrl(name));
  const res = await fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
  expect(res.status).toBe(200);
  return t.slack.waitFor(`response_url:/respond/${name}`);
}

async function press(t: TestBot, actionId: string, value: string, name: string) {
  const action =
    actionId === 'snapshot_post'
      ? { type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }
      : {
          type: 'static_select',
          action_id: actionId,
          block_id: 'b',
          selected_option: { text: { type: 'plain_text', text: value }, value },
          action_ts: '1',
        };
  const body = interactionBody({
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'acme' },
    user: { id: 'U0USER', name: 'jane', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'deprecated',
    trigger_id: '1.2.3',
    container: { type: 'message', message_ts: '1.1', channel_id: 'C0CHANNEL', is_ephemeral: true },
    channel: { id: 'C0CHANNEL', name: 'gigs' },
    response_url: t.slack.responseUrl(name),
    actions: [action],
  });
  const res = await fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
  expect(res.status).toBe(200);
  return t.slack.waitFor(`response_url:/respond/${name}`);
}

describe('/gigs snapshot and Post now, through signed requests', () => {
  it('previews privately, then Post now posts once however often it is pressed', async () => {
    const t = await startBot(SNAPSHOT_YAML());
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(t.bot.scheduler.nextRuns().map((r) => r.name)).toContain('snapshot:acme');

    const preview = await slash(t, 'snapshot', 'preview');
    expect(preview.params.response_type).toBe('ephemeral');
    const blocks = preview.params.blocks as object[];
    expectWithinSlackLimits(blocks, 'message');
    const text = JSON.stringify(blocks);
    expect(text).toContain('18 of 29 points · 4 of 9 items');
    expect(text).toContain('"action_id":"snapshot_post"');
    expect(text).toContain('"value":"acme"');
    expect(notion.requests.at(-1)?.body).toMatchObject({
      filter: { property: 'Client', select: { equals: 'ACME' } },
      page_size: 100,
    });

    const first = await press(t, 'snapshot_post', 'acme', 'post-1');
    expect(String(first.params.text)).toContain('Posted this week’s snapshot to <#C0ACME>');
    const second = await press(t, 'snapshot_post', 'acme', 'post-2');
    expect(String(second.params.text)).toContain('already in <#C0ACME>');
    const posts = t.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params.channel).toBe('C0ACME');
    expect(t.slack.calls.some((c) => c.method.startsWith('upload:/upload/'))).toBe(true);
    expect(t.slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });

  it('offers a picker with several clients, and the pick shows that preview', async () => {
    const t = await startBot(SNAPSHOT_YAML('America/New_York', TWO_CLIENTS));
    const picker = await slash(t, 'snapshot', 'picker');
    expect(JSON.stringify(picker.params.blocks)).toContain('"value":"globex"');
    const picked = await press(t, 'snapshot_pick', 'acme', 'picked');
    expect(picked.params.replace_original).toBe(true);
    expect(JSON.stringify(picked.params.blocks)).toContain('ACME Corp');
  });

  it('answers an unknown client id with usage naming it', async () => {
    const t = await startBot(SNAPSHOT_YAML());
    const reply = await slash(t, 'snapshot nope', 'unknown');
    expect(String(reply.params.text)).toContain('no client `nope`; configured: acme');
    expect(JSON.stringify(reply.params.blocks)).toContain('/gigs snapshot');
  });

  it('says what to configure without NOTION_TOKEN', async () => {
    const t = await startBot(SNAPSHOT_YAML(), false);
    expect(t.bot.scheduler.nextRuns()).toEqual([]);
    const reply = await slash(t, 'snapshot acme', 'no-notion');
    expect(String(reply.params.text)).toContain('set NOTION_TOKEN');
    expect(String(reply.params.text)).toContain('delivery.notion.dataSourceId');
  });

  it('tells the user what to check when Notion cannot open the data source', async () => {
    const t = await startBot(SNAPSHOT_YAML().replace('ds-delivery', 'ds-missing'));
    const reply = await slash(t, 'snapshot', 'missing-ds');
    expect(String(reply.params.text)).toContain('Notion cannot open data source `ds-missing`');
    expect(String(reply.params.text)).toContain('delivery.notion.dataSourceId');
  });

  it('publishes the App Home on app_home_opened, within 100 blocks', async () => {
    const t = await startBot(SNAPSHOT_YAML());
    const body = JSON.stringify({
      token: 'deprecated',
      team_id: 'T0TEAM',
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: Math.floor(NOW.getTime() / 1000),
      event: { type: 'app_home_opened', user: 'U0USER', channel: 'D0HOME', tab: 'home' },
    });
    const res = await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      body,
      headers: signedHeaders(SIGNING_SECRET, body, undefined, 'application/json'),
    });
    expect(res.status).toBe(200);
    const publish = await t.slack.waitFor('views.publish');
    expect(publish.params.user_id).toBe('U0USER');
    const view = publish.params.view as { type: string; blocks: object[] };
    expect(view.type).toBe('home');
    expectWithinSlackLimits(view.blocks, 'view');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('*ACME Corp* · 62% (44% items) · :no_entry: 1 blocked');
    expect(text).toContain('next snapshot Wed, Dec 2, 10:00');
    expect(text).toContain('*Notion* · last success');
  });
});
