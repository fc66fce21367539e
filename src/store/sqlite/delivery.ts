import type { DatabaseSync } from 'node:sqlite';
import type { DeliveryStore, WebhookEventRecord, WrittenState } from '../store.ts';
import { iso, text } from './db.ts';

export function sqliteDelivery(db: DatabaseSync): DeliveryStore {
  const record = db.prepare(
    `INSERT INTO github_webhook_events (id, event, payload, status, attempts, received_at)
     VALUES (?, ?, ?, 'pending', 0, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const pending = db.prepare(
    `SELECT id, event, payload, attempts, received_at FROM github_webhook_events
     WHERE status = 'pending' ORDER BY received_at, id LIMIT ?`,
  );
  const complete = db.prepare(
    `UPDATE github_webhook_events SET status = 'done', processed_at = ?, payload = '' WHERE id = ?`,
  );
  const fail = db.prepare(
    `UPDATE github_webhook_events
     SET attempts = attempts + 1, last_error = ?,
         status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END,
         processed_at = CASE WHEN attempts + 1 >= ? THEN ? ELSE processed_at END
     WHERE id = ?`,
  );
  const written = db.prepare(
    'SELECT pr_url, pr_updated_at, state FROM delivery_written WHERE page_id = ?',
  );
  const remember = db.prepare(
    `INSERT INTO delivery_written (page_id, pr_url, pr_updated_at, state, written_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (page_id) DO UPDATE SET pr_url = excluded.pr_url,
       pr_updated_at = excluded.pr_updated_at, state = excluded.state,
       written_at = excluded.written_at`,
  );
  const cursor = db.prepare('SELECT etag, since FROM delivery_repo_cursors WHERE repo = ?');
  const saveCursor = db.prepare(
    `INSERT INTO delivery_repo_cursors (repo, etag, since, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (repo) DO UPDATE SET etag = excluded.etag, since = excluded.since,
       updated_at = excluded.updated_at`,
  );
  const unmatched = db.prepare(
    `INSERT INTO delivery_unmatched (pr_url, title, first_seen_at) VALUES (?, ?, ?)
     ON CONFLICT (pr_url) DO NOTHING`,
  );
  const clear = db.prepare('DELETE FROM delivery_unmatched WHERE pr_url = ?');
  const unreported = db.prepare(
    'SELECT pr_url, title, first_seen_at FROM delivery_unmatched WHERE reported_at IS NULL ORDER BY first_seen_at, pr_url',
  );
  const report = db.prepare(
    'UPDATE delivery_unmatched SET reported_at = ? WHERE pr_url = ? AND reported_at IS NULL',
  );
  return {
    async recordWebhookEvent(e) {
      return record.run(e.id, e.event, e.payload, iso(e.receivedAt)).changes === 1;
    },
    async pendingWebhookEvents(limit): Promise<WebhookEventRecord[]> {
      return pending.all(limit).map((r) => ({
        id: String(r.id),
        event: String(r.event),
        payload: String(r.payload),
        attempts: Number(r.attempts),
        receivedAt: new Date(String(r.received_at)),
      }));
    },
    async completeWebhookEvent(id, now) {
      complete.run(iso(now), id);
    },
    async failWebhookEvent(id, error, maxAttempts, now) {
      fail.run(error.slice(0, 1000), maxAttempts, maxAttempts, iso(now), id);
    },
    async lastWritten(pageId): Promise<WrittenState | undefined> {
      const row = written.get(pageId);
      if (!row) return undefined;
      return {
        prUrl: String(row.pr_url),
        prUpdatedAt: String(row.pr_updated_at),
        state: String(row.state),
      };
    },
    async rememberWritten(pageId, w, now) {
      remember.run(pageId, w.prUrl, w.prUpdatedAt, w.state, iso(now));
    },
    async repoCursor(repo) {
      const row = cursor.get(repo);
      return { etag: text(row?.etag), since: text(row?.since) };
    },
    async saveRepoCursor(repo, c, now) {
      saveCursor.run(repo, c.etag ?? null, c.since ?? null, iso(now));
    },
    async markUnmatched(url, title, now) {
      return unmatched.run(url, title, iso(now)).changes === 1;
    },
    async clearUnmatched(url) {
      clear.run(url);
    },
    async takeUnreportedUnmatched(now) {
      const rows = unreported.all().map((r) => ({
        url: String(r.pr_url),
        title: String(r.title),
        firstSeenAt: new Date(String(r.first_seen_at)),
      }));
      for (const r of rows) report.run(iso(now), r.url);
      return rows;
    },
  };
}
