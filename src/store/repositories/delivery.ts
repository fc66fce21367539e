import type {
  DeliveryStore,
  NewWebhookEvent,
  WebhookEventRecord,
  WrittenState,
} from '../delivery-store.ts';
import type { Sql } from '../sql.ts';
import { iso, text } from '../sql.ts';

async function insertWebhookEvent(sql: Sql, e: NewWebhookEvent): Promise<boolean> {
  const r = await sql.run(
    `INSERT INTO github_webhook_events (id, event, payload, status, attempts, received_at)
     VALUES (?, ?, ?, 'pending', 0, ?) ON CONFLICT (id) DO NOTHING`,
    [e.id, e.event, e.payload, iso(e.receivedAt)],
  );
  return r.changes === 1;
}

export function deliveryRepository(sql: Sql): DeliveryStore {
  return {
    recordWebhookEvent: (e) => insertWebhookEvent(sql, e),
    async recordWebhookEvents(events) {
      if (events.length <= 1) return Promise.all(events.map((e) => insertWebhookEvent(sql, e)));
      return sql.transaction(async (tx) => {
        const fresh: boolean[] = [];
        for (const e of events) fresh.push(await insertWebhookEvent(tx, e));
        return fresh;
      });
    },
    async pendingWebhookEvents(limit): Promise<WebhookEventRecord[]> {
      const rows = await sql.all(
        `SELECT id, event, payload, attempts, received_at FROM github_webhook_events
         WHERE status = 'pending' ORDER BY received_at, id LIMIT ?`,
        [limit],
      );
      return rows.map((r) => ({
        id: String(r.id),
        event: String(r.event),
        payload: String(r.payload),
        attempts: Number(r.attempts),
        receivedAt: new Date(String(r.received_at)),
      }));
    },
    async claimWebhookEvent(id, owner, now, leaseMs) {
      const r = await sql.run(
        `UPDATE github_webhook_events SET claimed_by = ?, claimed_at = ?
         WHERE id = ? AND status = 'pending' AND (claimed_at IS NULL OR claimed_at < ?)`,
        [owner, iso(now), id, iso(new Date(now.getTime() - leaseMs))],
      );
      return r.changes === 1;
    },
    async completeWebhookEvent(id, now) {
      await sql.run(
        `UPDATE github_webhook_events SET status = 'done', processed_at = ?, payload = '' WHERE id = ?`,
        [iso(now), id],
      );
    },
    async failWebhookEvent(id, error, maxAttempts, now) {
      await sql.run(
        `UPDATE github_webhook_events
         SET attempts = attempts + 1, last_error = ?, claimed_at = NULL,
             status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END,
             processed_at = CASE WHEN attempts + 1 >= ? THEN ? ELSE processed_at END
         WHERE id = ?`,
        [error.slice(0, 1000), maxAttempts, maxAttempts, iso(now), id],
      );
    },
    async pruneWebhookEvents(before) {
      const r = await sql.run(
        `DELETE FROM github_webhook_events
         WHERE status IN ('done', 'failed') AND received_at < ?`,
        [iso(before)],
      );
      return r.changes;
    },
    async lastWritten(pageId): Promise<WrittenState | undefined> {
      const row = await sql.get(
        'SELECT pr_url, pr_updated_at, state FROM delivery_written WHERE page_id = ?',
        [pageId],
      );
      if (!row) return undefined;
      return {
        prUrl: String(row.pr_url),
        prUpdatedAt: String(row.pr_updated_at),
        state: String(row.state),
      };
    },
    async rememberWritten(pageId, w, now) {
      await sql.run(
        `INSERT INTO delivery_written (page_id, pr_url, pr_updated_at, state, written_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (page_id) DO UPDATE SET pr_url = excluded.pr_url,
           pr_updated_at = excluded.pr_updated_at, state = excluded.state,
           written_at = excluded.written_at`,
        [pageId, w.prUrl, w.prUpdatedAt, w.state, iso(now)],
      );
    },
    async repoCursor(repo) {
      const row = await sql.get('SELECT etag, since FROM delivery_repo_cursors WHERE repo = ?', [
        repo,
      ]);
      return { etag: text(row?.etag), since: text(row?.since) };
    },
    async saveRepoCursor(repo, c, now) {
      await sql.run(
        `INSERT INTO delivery_repo_cursors (repo, etag, since, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (repo) DO UPDATE SET etag = excluded.etag, since = excluded.since,
           updated_at = excluded.updated_at`,
        [repo, c.etag ?? null, c.since ?? null, iso(now)],
      );
    },
    async markUnmatched(url, title, now) {
      const r = await sql.run(
        `INSERT INTO delivery_unmatched (pr_url, title, first_seen_at) VALUES (?, ?, ?)
         ON CONFLICT (pr_url) DO NOTHING`,
        [url, title, iso(now)],
      );
      return r.changes === 1;
    },
    async clearUnmatched(url) {
      await sql.run('DELETE FROM delivery_unmatched WHERE pr_url = ?', [url]);
    },
    async takeUnreportedUnmatched(now) {
      // One statement marks and returns them: two replicas never report the same one.
      const rows = await sql.all(
        `UPDATE delivery_unmatched SET reported_at = ? WHERE reported_at IS NULL
         RETURNING pr_url, title, first_seen_at`,
        [iso(now)],
      );
      return rows
        .map((r) => ({
          url: String(r.pr_url),
          title: String(r.title),
          firstSeenAt: new Date(String(r.first_seen_at)),
        }))
        .sort(
          (a, b) =>
            a.firstSeenAt.getTime() - b.firstSeenAt.getTime() ||
            (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
        );
    },
    async markRefused(m, now) {
      const r = await sql.run(
        `INSERT INTO delivery_refused (pr_url, page_id, pr_title, item_title, item_client, first_seen_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (pr_url, page_id) DO NOTHING`,
        [m.prUrl, m.pageId, m.prTitle, m.itemTitle, m.itemClient ?? null, iso(now)],
      );
      return r.changes === 1;
    },
    async takeUnreportedRefused(now) {
      const rows = await sql.all(
        `UPDATE delivery_refused SET reported_at = ? WHERE reported_at IS NULL
         RETURNING pr_url, page_id, pr_title, item_title, item_client, first_seen_at`,
        [iso(now)],
      );
      return rows
        .map((r) => ({
          prUrl: String(r.pr_url),
          prTitle: String(r.pr_title),
          pageId: String(r.page_id),
          itemTitle: String(r.item_title),
          itemClient: text(r.item_client),
          at: String(r.first_seen_at),
        }))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.prUrl < b.prUrl ? -1 : 1))
        .map(({ at: _at, ...move }) => move);
    },
  };
}
