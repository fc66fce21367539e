import { afterEach, describe, expect, it } from 'vitest';
import {
  queryDeliveryItems,
  retrieveDeliveryItem,
  retrieveDeliverySchema,
} from '../src/clients/notion-delivery.ts';
import { checkDeliverySchema } from '../src/domain/check-delivery-schema.ts';
import { toSnapshotItem } from '../src/domain/snapshot-item.ts';
import { renderSchemaProblems } from '../src/features/delivery/presenter.ts';
import { fakeDeliverySetup } from './support/delivery.ts';
import { DEFAULT_PROPERTIES, FakeNotion } from './support/fake-notion.ts';
import { VirtualClock } from './support/virtual-clock.ts';

let fake: FakeNotion | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(options: ConstructorParameters<typeof FakeNotion>[0] = {}) {
  const clock = new VirtualClock();
  fake = await new FakeNotion({ now: clock.now, ...options }).start();
  const setup = fakeDeliverySetup(fake, {
    fetch: clock.track(fetch),
    rateLimit: { now: clock.now, sleep: clock.sleep },
  });
  return { fake, setup, clock };
}

describe('queryDeliveryItems', () => {
  it('reads every item, 100 per request, decoding every configured property', async () => {
    const { fake, setup } = await start({
      properties: { ...DEFAULT_PROPERTIES, Task: { type: 'title' }, Name: { type: 'rich_text' } },
    });
    delete fake.properties.Name;
    for (let i = 0; i < 249; i += 1) fake.addItem({ title: `Item ${i}`, status: 'Not started' });
    const id = fake.addItem({
      title: 'Login flow',
      status: '✅ Done',
      pr: 'https://github.com/acme/api/pull/7',
      reviewer: 'alice',
      date: '2026-11-20T10:00:00Z',
      qa: 'success',
      points: 5,
      client: 'ACME',
      blocked: true,
    });
    const items = await queryDeliveryItems(setup.notion, setup.delivery.notion);
    expect(items).toHaveLength(250);
    expect(fake.requests.filter((r) => r.path.endsWith('/query'))).toHaveLength(3);
    expect(items.at(-1)).toEqual({
      pageId: id.replace(/-/g, ''),
      url: expect.stringContaining('notion.so'),
      title: 'Login flow',
      status: '✅ Done',
      prUrl: 'https://github.com/acme/api/pull/7',
      reviewer: 'alice',
      reviewerIds: [],
      date: { start: '2026-11-20T10:00:00Z', end: undefined },
      qa: 'success',
      points: 5,
      client: 'ACME',
      blocked: true,
      createdTime: expect.any(String),
      lastEditedTime: expect.any(String),
    });
  });

  it('decodes people reviewers and a blocked status value', async () => {
    const properties = { ...DEFAULT_PROPERTIES, Reviewer: { type: 'people' } };
    delete (properties as Record<string, unknown>).Blocked;
    const { fake, setup } = await start({ properties });
    fake.addItem({ title: 'Stuck', status: '🚧 Blocked' });
    const id = fake.addItem({ title: 'Reviewed' });
    const page = fake.pages.get(id)!;
    (page.properties as Record<string, unknown>).Reviewer = {
      type: 'people',
      people: [{ object: 'user', id: 'user-1', name: 'Alice' }],
    };
    const notion = {
      ...setup.delivery.notion,
      properties: { ...setup.delivery.notion.properties, blocked: '🚧 Blocked' },
    };
    const [stuck, reviewed] = await queryDeliveryItems(setup.notion, notion);
    expect(stuck!.blocked).toBe(true);
    expect(reviewed).toMatchObject({ blocked: false, reviewer: 'Alice', reviewerIds: ['user-1'] });
  });

  it('reads a blocker’s optional Owner and Blocked Reason when the data source has them (issue 23)', async () => {
    const { fake, setup } = await start();
    const plain = fake.addItem({ title: 'No extras', blocked: true });
    const id = fake.addItem({ title: 'Waiting on the client', blocked: true });
    const props = fake.pages.get(id)!.properties as Record<string, unknown>;
    props.Owner = { type: 'people', people: [{ object: 'user', id: 'u-9', name: 'Dana' }] };
    props['Blocked Reason'] = {
      type: 'rich_text',
      rich_text: [{ plain_text: 'staging credentials from ACME' }],
    };
    const items = await queryDeliveryItems(setup.notion, setup.delivery.notion);
    const byId = new Map(items.map((i) => [i.pageId, toSnapshotItem(i)]));
    expect(byId.get(id.replace(/-/g, ''))).toMatchObject({
      owner: 'Dana',
      blockedReason: 'staging credentials from ACME',
    });
    const without = byId.get(plain.replace(/-/g, ''))!;
    expect([without.owner, without.blockedReason]).toEqual([undefined, undefined]);
  });

  it('finds a linked page only when it belongs to the delivery data source', async () => {
    const { fake, setup } = await start();
    const id = fake.addItem({ title: 'Mine' });
    const other = fake.addItem({ title: 'Elsewhere' });
    (fake.pages.get(other)!.parent as Record<string, unknown>).data_source_id = 'another';
    expect((await retrieveDeliveryItem(setup.notion, setup.delivery.notion, id))?.title).toBe(
      'Mine',
    );
    expect(await retrieveDeliveryItem(setup.notion, setup.delivery.notion, other)).toBeUndefined();
    expect(
      await retrieveDeliveryItem(setup.notion, setup.delivery.notion, 'f'.repeat(32)),
    ).toBeUndefined();
  });
});

describe('checkDeliverySchema', () => {
  it.each(['status', 'select'])(
    'accepts a %s Status property whose options hold the statusMap',
    async (type) => {
      const { setup } = await start({
        properties: { ...DEFAULT_PROPERTIES, Status: { ...DEFAULT_PROPERTIES.Status!, type } },
      });
      const schema = await retrieveDeliverySchema(setup.notion, setup.delivery.notion.dataSourceId);
      const check = checkDeliverySchema(schema, setup.delivery.notion);
      expect(check).toEqual({
        ok: true,
        kinds: { status: type, reviewer: 'rich_text', qa: 'select', blocked: 'checkbox' },
      });
    },
  );

  it('names each missing property, wrong type and missing option with its fix', async () => {
    const properties = {
      ...DEFAULT_PROPERTIES,
      Status: { type: 'status', options: ['📝 Draft', '🔄 In Review', '✅ Done'] },
      Date: { type: 'rich_text' },
    };
    delete (properties as Record<string, unknown>).PR;
    const { setup } = await start({ properties });
    const schema = await retrieveDeliverySchema(setup.notion, setup.delivery.notion.dataSourceId);
    const check = checkDeliverySchema(schema, setup.delivery.notion);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const message = renderSchemaProblems('en', check.problems);
    expect(message.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '• Property `PR` is missing (expected `url`): add it to the data source, or set `delivery.notion.properties.pr` to the property’s name.',
          '• Property `Date` is `rich_text`, expected `date`: change its type in Notion, or point `delivery.notion.properties.date` at another property.',
          '• `Status` has no option `⛔ Closed`: add it in Notion, or change `delivery.notion.statusMap.closed`.',
        ].join('\n'),
      },
    });
    expect(renderSchemaProblems('zh-CN', check.problems).text).toContain('缺少属性 `PR`');
  });
});
