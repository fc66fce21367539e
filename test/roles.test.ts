import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfig } from '../src/doctor/config-check.ts';
import { homePublisher } from '../src/features/home/publish-home.ts';
import { snapshotPages } from './fixtures/snapshot-data-source.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { POST_NOW_ACME, pressAction, slashCommand } from './support/slack-requests.ts';
import { SNAPSHOT_YAML } from './support/snapshot-deps.ts';

/**
 * PRODUCT.md → Roles: admins run sync and snapshots, press Post now and dismiss
 * for everyone; anyone else gets a private one-line refusal naming who can,
 * and nothing changes (no Notion read or write, no post, no dismissal).
 */

// Monday: last Wednesday's slot is past its grace window, so start-up posts nothing.
const NOW = new Date('2026-11-30T17:00:00.000Z');
const ADMINS = `admins: [U0BOSS]\nproposals:\n  approvers: [U0APPROVER1]\n`;

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

async function startBot(prefix: string): Promise<TestBot> {
  const t = await startTestBot(
    `${prefix}${SNAPSHOT_YAML()}`,
    { NOTION_TOKEN: 'secret_test', NOTION_API_URL: notion.url },
    () => NOW,
  );
  bots.push(t);
  await t.bot.startup;
  return t;
}

const slash = (t: TestBot, text: string, user: string, name: string) =>
  slashCommand(t, text, name, user);
const press = (t: TestBot, action: object, user: string, name: string) =>
  pressAction(t, action, name, user);

const postNow = POST_NOW_ACME;
const pick = {
  type: 'static_select',
  action_id: 'snapshot_pick',
  selected_option: { text: { type: 'plain_text', text: 'acme' }, value: 'acme' },
};
const dismiss = { type: 'button', action_id: 'opportunity_dismiss', value: 'acme/rpc#7' };

describe('admins, through signed requests', () => {
  it('refuses sync, snapshot, its picker, Post now and dismiss to others, naming the admins; changes nothing', async () => {
    const t = await startBot(ADMINS);
    await t.bot.deps.store.opportunities.upsert(
      [
        {
          id: 'github:acme/rpc#7',
          source: 'github',
          key: 'acme/rpc#7',
          label: 'acme/rpc#7',
          project: 'acme/rpc',
          url: 'https://github.com/acme/rpc/issues/7',
          title: 'Deadlock on close',
          labels: ['help wanted'],
          bodyExcerpt: '',
          stars: 900,
          comments: 12,
          score: 71.4,
          reasons: [],
        },
      ],
      NOW,
    );
    const notionBefore = notion.requests.length;
    const refusal = (what: string) => `Only <@U0BOSS> can ${what}; nothing changed.`;

    for (const [text, what] of [
      ['sync', 'run `/gigs sync`'],
      ['snapshot', 'see client snapshots'],
      ['snapshot acme', 'see client snapshots'],
    ] as const) {
      const told = await slash(t, text, 'U0GUEST', `slash-${text.replace(' ', '-')}`);
      expect(told.params).toMatchObject({ response_type: 'ephemeral', text: refusal(what) });
    }
    // An approver of drafts is no admin when admins are set.
    expect((await press(t, postNow, 'U0APPROVER1', 'post')).params.text).toBe(
      refusal('post a client snapshot'),
    );
    expect((await press(t, pick, 'U0GUEST', 'pick')).params.text).toBe(
      refusal('see client snapshots'),
    );
    const dismissed = await press(t, dismiss, 'U0GUEST', 'dismiss');
    expect(dismissed.params).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: refusal('dismiss opportunities for everyone'),
    });

    // Start-up reads the data source's schema on its own; nothing else reached Notion.
    const reads = notion.requests.slice(notionBefore).filter((r) => r.method !== 'GET');
    expect(reads).toEqual([]);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
    const kept = await t.bot.deps.store.opportunities.get('github:acme/rpc#7');
    expect(kept).toBeDefined();
    expect(kept?.dismissedAt).toBeUndefined();

    // The refused Post now used up nothing: the admin's press posts this week's snapshot.
    const posted = await press(t, postNow, 'U0BOSS', 'post-admin');
    expect(String(posted.params.text)).toContain('Posted this week’s snapshot to <#C0ACME>');
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(1);
    const preview = await slash(t, 'snapshot acme', 'U0BOSS', 'snapshot-admin');
    expect(JSON.stringify(preview.params.blocks)).toContain('snapshot_post');
    await press(t, dismiss, 'U0BOSS', 'dismiss-admin');
    expect((await t.bot.deps.store.opportunities.get('github:acme/rpc#7'))?.dismissedAt).toEqual(
      NOW,
    );
  });

  it('without admins, the approvers are the admins; client figures in the App Home are theirs only', async () => {
    const t = await startBot('proposals:\n  approvers: [U0APPROVER1]\n');
    expect((await slash(t, 'snapshot', 'U0GUEST', 'guest')).params.text).toBe(
      'Only <@U0APPROVER1> can see client snapshots; nothing changed.',
    );
    const answer = await slash(t, 'snapshot', 'U0APPROVER1', 'approver');
    expect(JSON.stringify(answer.params.blocks)).toContain('snapshot_post');

    await homePublisher(t.bot.deps).publish('U0GUEST');
    await homePublisher(t.bot.deps).publish('U0APPROVER1');
    const [guest, approver] = t.slack
      .callsTo('views.publish')
      .map((c) => JSON.stringify(c.params.view));
    expect(guest).toContain('Client progress is shown to admins only: <@U0APPROVER1>.');
    expect(guest).not.toContain('ACME Corp');
    expect(approver).toContain('ACME Corp');
    expect(approver).not.toContain('admins only');
  });

  it('with neither admins nor approvers, anyone may (and doctor warns)', async () => {
    const t = await startBot('');
    const preview = await slash(t, 'snapshot acme', 'U0GUEST', 'anyone');
    expect(JSON.stringify(preview.params.blocks)).toContain('snapshot_post');
    expect(checkConfig(t.bot.deps.config).filter((c) => c.name === 'Roles')).toEqual([
      expect.objectContaining({ name: 'Roles', status: 'warn' }),
    ]);
  });
});
