import { describe, expect, it } from 'vitest';
import { decodeDeliveryItem } from '../src/clients/notion-delivery.ts';
import { fileSchema } from '../src/config.ts';
import { buildClientSnapshot } from '../src/domain/build-client-snapshot.ts';
import { toSnapshotItem } from '../src/domain/snapshot-item.ts';
import { previousSlot } from '../src/domain/snapshot-slots.ts';
import { cronFields } from '../src/scheduling/cron-fields.ts';
import { SLOT_NY, snapshotPages } from './fixtures/snapshot-data-source.ts';

const delivery = fileSchema.parse({ delivery: { notion: { dataSourceId: 'ds' } } }).delivery!
  .notion;
const acmeItems = snapshotPages
  .filter((p) => (p.properties.Client!.select as { name: string }).name === 'ACME')
  .map((p) => toSnapshotItem(decodeDeliveryItem(p, delivery.properties)));
const WEDNESDAY_10 = cronFields('0 10 * * 3');

function snapshotIn(timeZone: string, now = SLOT_NY) {
  const since = previousSlot(WEDNESDAY_10, timeZone, now)!;
  return buildClientSnapshot({
    items: acmeItems,
    client: { id: 'acme', name: 'ACME Corp' },
    statusMap: delivery.statusMap,
    now,
    since,
    timeZone,
  });
}

describe('decodeDeliveryItem → toSnapshotItem', () => {
  it('reads the title property whatever its name, people, select, url, date and checkbox', () => {
    const review = acmeItems.find((i) => i.title === 'Metrics endpoint')!;
    expect(review).toMatchObject({
      status: '🔄 In Review',
      points: 3,
      reviewer: 'Ana',
      qa: 'success',
      pr: 'https://github.com/acme/api/pull/44',
      blocked: false,
    });
    expect(acmeItems.find((i) => i.title === 'OAuth flow')?.blocked).toBe(true);
    expect(acmeItems.find((i) => i.title === 'Billing export')?.points).toBeUndefined();
  });

  it('treats a status equal to the blocked name as blocked when there is no checkbox', () => {
    const page = structuredClone(snapshotPages[0]!);
    delete page.properties.Blocked;
    page.properties.Status = { type: 'select', select: { name: 'Blocked' } };
    page.properties.Reviewer = {
      type: 'rich_text',
      rich_text: [{ plain_text: 'Bo' }],
    };
    const item = toSnapshotItem(decodeDeliveryItem(page, delivery.properties));
    expect(item).toMatchObject({ blocked: true, status: 'Blocked', reviewer: 'Bo' });
  });
});

describe('buildClientSnapshot on the fixture data source', () => {
  it('rates by points and by count, Closed excluded, other clients absent', () => {
    const s = snapshotIn('America/New_York');
    expect(s.points).toEqual({ done: 18, total: 29 });
    expect(s.count).toEqual({ done: 4, total: 9 });
  });

  it('counts done this week from last Wednesday 10:00 in New York', () => {
    const s = snapshotIn('America/New_York');
    expect(s.since.toISOString()).toBe('2026-11-18T15:00:00.000Z');
    expect(s.doneThisWeek.map((d) => d.title)).toEqual(['Add gRPC health checks', 'Rate limiter']);
  });

  it('moves the boundary with the zone: in Berlin 09:59 New York is already this week', () => {
    const s = snapshotIn('Europe/Berlin', new Date('2026-11-25T09:00:00.000Z'));
    expect(s.since.toISOString()).toBe('2026-11-18T09:00:00.000Z');
    expect(s.doneThisWeek.map((d) => d.title).sort()).toEqual([
      'Add gRPC health checks',
      'Fix retry storm',
      'Rate limiter',
    ]);
  });

  it('lists blockers with their age, in review with reviewer and CI, and next up', () => {
    const s = snapshotIn('America/New_York');
    expect(s.blockers.map((b) => [b.title, b.ageDays])).toEqual([['OAuth flow', 5]]);
    expect(s.inReview.map((r) => [r.title, r.reviewer, r.qa])).toEqual([
      ['Metrics endpoint', 'Ana', 'success'],
    ]);
    expect(s.nextUp.map((n) => n.title)).toEqual(['Billing export', 'Docs']);
  });
});
