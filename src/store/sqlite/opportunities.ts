import type { DatabaseSync } from 'node:sqlite';
import type { OpportunityRecord, OpportunityStore } from '../store.ts';
import { date, iso, text, transaction } from './db.ts';

// Portable SQL (SQLite and PostgreSQL): ON CONFLICT upserts, ISO-8601 TEXT times.
const UPSERT = `
  INSERT INTO opportunities (id, repo, number, url, title, labels, body_excerpt, stars, comments,
    score, reasons, first_seen_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET repo = excluded.repo, number = excluded.number,
    url = excluded.url, title = excluded.title, labels = excluded.labels,
    body_excerpt = excluded.body_excerpt, stars = excluded.stars, comments = excluded.comments,
    score = excluded.score, reasons = excluded.reasons, updated_at = excluded.updated_at`;

export function sqliteOpportunities(db: DatabaseSync): OpportunityStore {
  const upsert = db.prepare(UPSERT);
  const get = db.prepare('SELECT * FROM opportunities WHERE id = ?');
  const shown = db.prepare(
    'UPDATE opportunities SET shown_at = ? WHERE id = ? AND shown_at IS NULL',
  );
  const listed = db.prepare(
    'UPDATE opportunities SET listed_channel = ?, listed_ts = ? WHERE id = ?',
  );
  const claim = db.prepare(
    'UPDATE opportunities SET posted_in_digest_at = ? WHERE id = ? AND posted_in_digest_at IS NULL',
  );
  const release = db.prepare('UPDATE opportunities SET posted_in_digest_at = NULL WHERE id = ?');
  const proposed = db.prepare(
    'UPDATE opportunities SET proposed_at = COALESCE(proposed_at, ?) WHERE id = ?',
  );
  const dismissed = db.prepare(
    'UPDATE opportunities SET dismissed_at = COALESCE(dismissed_at, ?) WHERE id = ?',
  );
  const newSince = db.prepare(
    `SELECT * FROM opportunities WHERE first_seen_at > ? AND title <> ''
       AND dismissed_at IS NULL AND proposed_at IS NULL ORDER BY score DESC, id LIMIT ?`,
  );
  // A dismissal or proposal may arrive for an id the radar never stored (e.g. `/gigs propose`).
  const stub = db.prepare(`
    INSERT INTO opportunities (id, repo, number, url, title, labels, body_excerpt, stars, comments,
      score, reasons, first_seen_at, updated_at)
    VALUES (?, ?, ?, ?, '', '[]', '', 0, 0, 0, '[]', ?, ?) ON CONFLICT (id) DO NOTHING`);
  const ensure = (id: string, now: Date) => {
    const m = /^(.+)#(\d+)$/.exec(id);
    if (!m) return;
    stub.run(
      id,
      m[1]!,
      Number(m[2]),
      `https://github.com/${m[1]}/issues/${m[2]}`,
      iso(now),
      iso(now),
    );
  };
  return {
    async upsert(items, now) {
      transaction(db, () => {
        for (const o of items) {
          upsert.run(
            o.id,
            o.repo,
            o.number,
            o.url,
            o.title,
            JSON.stringify(o.labels),
            o.bodyExcerpt,
            o.stars,
            o.comments,
            o.score,
            JSON.stringify(o.reasons),
            iso(now),
            iso(now),
          );
        }
      });
    },
    async get(id) {
      const row = get.get(id);
      return row ? toRecord(row) : undefined;
    },
    async getMany(ids) {
      return ids.flatMap((id) => {
        const row = get.get(id);
        return row ? [toRecord(row)] : [];
      });
    },
    async markShown(ids, now) {
      transaction(db, () => {
        for (const id of ids) shown.run(iso(now), id);
      });
    },
    async markListed(ids, channel, ts) {
      transaction(db, () => {
        for (const id of ids) listed.run(channel, ts, id);
      });
    },
    async claimForDigest(ids, now) {
      return transaction(db, () => ids.filter((id) => claim.run(iso(now), id).changes === 1));
    },
    async releaseDigest(ids) {
      transaction(db, () => {
        for (const id of ids) release.run(id);
      });
    },
    async markProposed(id, now = new Date()) {
      ensure(id, now);
      proposed.run(iso(now), id);
    },
    async dismiss(id, now = new Date()) {
      ensure(id, now);
      dismissed.run(iso(now), id);
    },
    async newSince(since, limit) {
      return newSince.all(since ? iso(since) : '', limit).map(toRecord);
    },
  };
}

function toRecord(row: Record<string, unknown>): OpportunityRecord {
  return {
    id: String(row.id),
    repo: String(row.repo),
    number: Number(row.number),
    url: String(row.url),
    title: String(row.title),
    labels: JSON.parse(String(row.labels)) as string[],
    bodyExcerpt: String(row.body_excerpt),
    stars: Number(row.stars),
    comments: Number(row.comments),
    score: Number(row.score),
    reasons: JSON.parse(String(row.reasons)) as unknown[],
    firstSeenAt: new Date(String(row.first_seen_at)),
    updatedAt: new Date(String(row.updated_at)),
    shownAt: date(row.shown_at),
    postedInDigestAt: date(row.posted_in_digest_at),
    dismissedAt: date(row.dismissed_at),
    proposedAt: date(row.proposed_at),
    listedChannel: text(row.listed_channel),
    listedTs: text(row.listed_ts),
  };
}
