import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import type { Store } from '../src/store/store.ts';
import { tempDir } from './support/env.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
let store: Store;
afterEach(async () => {
  await store.close();
});

describe('delivery store (SQLite)', () => {
  it('records each webhook delivery once and keeps it pending until done, across a reopen', async () => {
    const dir = tempDir();
    store = createSqliteStore(dir);
    const event = { id: 'd-1', event: 'pull_request', payload: '{}', receivedAt: at(0) };
    expect(await store.delivery.recordWebhookEvent(event)).toBe(true);
    expect(await store.delivery.recordWebhookEvent(event)).toBe(false);
    await store.delivery.recordWebhookEvent({ ...event, id: 'd-2', receivedAt: at(1) });
    await store.close();

    store = createSqliteStore(dir);
    expect((await store.delivery.pendingWebhookEvents(10)).map((e) => e.id)).toEqual([
      'd-1',
      'd-2',
    ]);
    await store.delivery.completeWebhookEvent('d-1', at(2));
    expect((await store.delivery.pendingWebhookEvents(10)).map((e) => e.id)).toEqual(['d-2']);
    expect(await store.delivery.recordWebhookEvent(event)).toBe(false);
  });

  it('parks a delivery as failed after the last attempt', async () => {
    store = createSqliteStore(':memory:');
    await store.delivery.recordWebhookEvent({
      id: 'd',
      event: 'check_run',
      payload: '{}',
      receivedAt: at(0),
    });
    await store.delivery.failWebhookEvent('d', 'boom', 2, at(1));
    expect(await store.delivery.pendingWebhookEvents(10)).toMatchObject([{ id: 'd', attempts: 1 }]);
    await store.delivery.failWebhookEvent('d', 'boom', 2, at(2));
    expect(await store.delivery.pendingWebhookEvents(10)).toEqual([]);
  });

  it('remembers what was written per item, cursors per repo, and reports unmatched PRs once', async () => {
    store = createSqliteStore(':memory:');
    expect(await store.delivery.lastWritten('p')).toBeUndefined();
    const prUrl = 'https://github.com/a/b/pull/1';
    await store.delivery.rememberWritten('p', { prUrl, prUpdatedAt: 't1', state: 'v1' }, at(0));
    await store.delivery.rememberWritten('p', { prUrl, prUpdatedAt: 't2', state: 'v2' }, at(1));
    expect(await store.delivery.lastWritten('p')).toEqual({
      prUrl,
      prUpdatedAt: 't2',
      state: 'v2',
    });

    expect(await store.delivery.repoCursor('a/b')).toEqual({ etag: undefined, since: undefined });
    await store.delivery.saveRepoCursor(
      'a/b',
      { etag: '"e"', since: '2026-11-20T10:00:00Z' },
      at(2),
    );
    expect(await store.delivery.repoCursor('a/b')).toEqual({
      etag: '"e"',
      since: '2026-11-20T10:00:00Z',
    });

    expect(await store.delivery.markUnmatched('u1', 'Orphan', at(3))).toBe(true);
    expect(await store.delivery.markUnmatched('u1', 'Orphan', at(4))).toBe(false);
    expect(await store.delivery.takeUnreportedUnmatched(at(5))).toEqual([
      { url: 'u1', title: 'Orphan', firstSeenAt: at(3) },
    ]);
    expect(await store.delivery.takeUnreportedUnmatched(at(6))).toEqual([]);
    await store.delivery.clearUnmatched('u1');
    expect(await store.delivery.markUnmatched('u1', 'Orphan', at(7))).toBe(true);
  });
});
