import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishHome } from '../src/services/publish-home.ts';
import { tempDir } from './support/env.ts';
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

it('gives contributed Home sections the previous visit, and says Notion is off without it', async () => {
  let now = new Date('2026-11-23T09:00:00Z');
  const deps = snapshotDeps({
    yaml: SNAPSHOT_YAML(),
    dataDir: tempDir(),
    slackApiUrl: slack.apiUrl,
    notionUrl: undefined,
    now: () => now,
  });
  const visits: Array<string | undefined> = [];
  deps.homeSections = [
    async (userId, lastVisit) => {
      visits.push(lastVisit?.toISOString());
      const block: KnownBlock = {
        type: 'section',
        text: { type: 'mrkdwn', text: `new opportunities for ${userId}` },
      };
      return [block];
    },
    async () => {
      throw new Error('drafts store unavailable');
    },
  ];
  await publishHome(deps, 'U0USER');
  now = new Date('2026-11-23T10:00:00Z');
  await publishHome(deps, 'U0USER');
  expect(visits).toEqual([undefined, '2026-11-23T09:00:00.000Z']);
  const views = slack.callsTo('views.publish').map((c) => c.params.view as { blocks: object[] });
  expect(views).toHaveLength(2);
  expectWithinSlackLimits(views[1]!.blocks, 'view');
  const text = JSON.stringify(views[1]!.blocks);
  expect(text).toContain('new opportunities for U0USER');
  expect(text).toContain('Notion is off');
  expect(text).toContain('next snapshot Wed, Nov 25, 10:00');
  await deps.store.close();
});
