import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOME_CLIENT_TTL_MS, homePublisher } from '../src/features/home/publish-home.ts';
import { tempDir } from './support/env.ts';
import { FakeNotionSnapshots, notionPage } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { SNAPSHOT_YAML, snapshotDeps } from './support/snapshot-deps.ts';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await new FakeSlack().start();
});
afterAll(async () => {
  await slack.stop();
});

it('shows new opportunities since the last visit and drafts awaiting approval, and says Notion is off without it', async () => {
  let now = new Date('2026-11-23T09:00:00Z');
  const deps = snapshotDeps({
    yaml: SNAPSHOT_YAML(),
    dataDir: tempDir(),
    slackApiUrl: slack.apiUrl,
    notionUrl: undefined,
    now: () => now,
  });
  const opportunity = {
    id: 'github:acme/rpc#7',
    source: 'github',
    key: 'acme/rpc#7',
    label: 'acme/rpc#7',
    project: 'acme/rpc',
    url: 'https://github.com/acme/rpc/issues/7',
    title: 'Deadlock in <pool> on close',
    labels: ['help wanted'],
    bodyExcerpt: '',
    stars: 900,
    comments: 12,
    score: 71.4,
    reasons: [],
  };
  await deps.store.opportunities.upsert([opportunity], new Date('2026-11-23T08:00:00Z'));
  await deps.store.proposals.create({
    id: 'p1',
    opportunityId: 'acme/pool#3',
    issueUrl: 'https://github.com/acme/pool/issues/3',
    issueTitle: 'Leak in pool',
    locale: 'en',
    sections: { problem: 'p', plan: 'q', evidence: 'e', price: 'r' },
    hours: 6,
    requestedBy: 'U0USER',
    channel: 'C0CHANNEL',
    ts: '1.1',
    threadTs: undefined,
    similar: undefined,
    createdAt: now,
  });

  const home = homePublisher(deps);
  await home.publish('U0USER');
  now = new Date('2026-11-23T10:00:00Z');
  await home.publish('U0USER');

  const views = slack
    .callsTo('views.publish')
    .map((c) => JSON.stringify((c.params.view as { blocks: object[] }).blocks));
  expect(views).toHaveLength(2);
  expect(views[0]).toContain('Open opportunities');
  expect(views[0]).toContain('Deadlock in &lt;pool&gt; on close');
  expect(views[1]).toContain('New opportunities since your last visit');
  expect(views[1]).toContain('Nothing new since your last visit');
  for (const view of views) {
    expect(view).toContain('Drafts awaiting approval');
    expect(view).toContain('Leak in pool');
  }
  const last = slack.callsTo('views.publish').at(-1)!.params.view as { blocks: object[] };
  expectWithinSlackLimits(last.blocks, 'view');
  expect(views[1]).toContain('Notion is off');
  expect(views[1]).toContain('next snapshot Wed, Nov 25, 10:00');
  // The client's zone is named: the reader may sit elsewhere (issue 19, item 8).
  expect(views[1]).toContain('next snapshot Wed, Nov 25, 10:00 EST');
  await deps.store.close();
});

it('reads each client from Notion at most once a minute, shared by concurrent opens, and retries a failed read', async () => {
  const notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = [
    notionPage({ title: 'Done', status: '✅ Done', points: 3 }),
    notionPage({ title: 'Doing', status: '🔄 In Review', points: 1 }),
  ];
  let now = new Date('2026-11-23T09:00:00Z');
  const deps = snapshotDeps({
    yaml: SNAPSHOT_YAML(),
    dataDir: tempDir(),
    slackApiUrl: slack.apiUrl,
    notionUrl: notion.url,
    now: () => now,
  });
  // One App Home per bot, as createHome builds it: its figures are shared by every visit.
  const home = homePublisher(deps);
  const published = () => slack.callsTo('views.publish').length;
  const lastView = () => JSON.stringify(slack.callsTo('views.publish').at(-1)!.params.view);
  try {
    const before = published();
    // Three users open Home at once: one read of the client's items.
    await Promise.all(['U1', 'U2', 'U3'].map((u) => home.publish(u)));
    expect(notion.queries()).toBe(1);
    expect(published() - before).toBe(3);
    expect(lastView()).toContain('75%');

    // Within the minute the figures are reused, even after a change in Notion.
    notion.pages.push(notionPage({ title: 'New', status: 'Not started', points: 4 }));
    now = new Date(now.getTime() + HOME_CLIENT_TTL_MS - 1_000);
    await home.publish('U1');
    expect(notion.queries()).toBe(1);
    expect(lastView()).toContain('75%');

    // After it, Notion is read again.
    now = new Date(now.getTime() + 2_000);
    await home.publish('U1');
    expect(notion.queries()).toBe(2);
    expect(lastView()).toContain('38%');

    // A failed read shows the client as failing and is not kept.
    now = new Date(now.getTime() + HOME_CLIENT_TTL_MS);
    notion.failQueries = 1;
    await home.publish('U1');
    expect(notion.queries()).toBe(3);
    expect(lastView()).not.toContain('38%');
    await home.publish('U1');
    expect(notion.queries()).toBe(4);
    expect(lastView()).toContain('38%');
  } finally {
    await deps.store.close();
    await notion.stop();
  }
});
