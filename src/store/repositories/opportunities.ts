import { parseOpportunityRef } from '../../domain/opportunity.ts';
import type { OpportunityData, OpportunityRecord, OpportunityStore } from '../opportunity-store.ts';
import type { Param, Row, Sql } from '../sql.ts';
import { chunks, date, iso, marks, text } from '../sql.ts';

const COLUMNS = `id, source, source_key, label, project, meta, url, title, labels, body_excerpt,
  stars, comments, score, reasons, first_seen_at, updated_at`;
const ROW = `(${marks(16)})`;
const REFRESH = `ON CONFLICT (id) DO UPDATE SET label = excluded.label,
  project = excluded.project, meta = excluded.meta, url = excluded.url, title = excluded.title, labels = excluded.labels,
  body_excerpt = excluded.body_excerpt, stars = excluded.stars, comments = excluded.comments,
  score = excluded.score, reasons = excluded.reasons, updated_at = excluded.updated_at`;

const values = (o: OpportunityData, now: Date): Param[] => [
  o.id,
  o.source,
  o.key,
  o.label,
  o.project,
  JSON.stringify(o.meta ?? {}),
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
];

/** The radar's memory. Every "mark" is one conditional UPDATE, so replicas never both win. */
export function opportunityRepository(sql: Sql): OpportunityStore {
  /** `UPDATE … SET set WHERE [only AND] id IN (ids)`, in chunks; `params` fill set's, then only's `?`. */
  const update = async (set: string, params: Param[], ids: readonly string[], only = '') => {
    for (const chunk of chunks(ids)) {
      await sql.run(
        `UPDATE opportunities SET ${set} WHERE ${only ? `${only} AND ` : ''}id IN (${marks(chunk.length)})`,
        [...params, ...chunk],
      );
    }
  };
  // A dismissal or proposal may arrive for an id the radar never stored (e.g. `/gigs propose`):
  // a row with no title, never listed, that remembers what happened to it.
  const ensure = async (id: string, now: Date) => {
    const ref = parseOpportunityRef(id);
    if (!ref) return;
    await sql.run(
      `INSERT INTO opportunities (${COLUMNS})
       VALUES (?, ?, ?, ?, '', '{}', '', '', '[]', '', 0, 0, 0, '[]', ?, ?) ON CONFLICT (id) DO NOTHING`,
      [id, ref.source, ref.key, ref.key, iso(now), iso(now)],
    );
  };
  return {
    async upsert(items, now) {
      // Last one wins within a batch: PostgreSQL refuses to upsert one row twice in a statement.
      const unique = [...new Map(items.map((o) => [o.id, o])).values()];
      if (unique.length === 0) return;
      await sql.transaction(async (tx) => {
        for (const chunk of chunks(unique, 200)) {
          await tx.run(
            `INSERT INTO opportunities (${COLUMNS}) VALUES ${chunk.map(() => ROW).join(', ')} ${REFRESH}`,
            chunk.flatMap((o) => values(o, now)),
          );
        }
      });
    },
    async get(id) {
      const row = await sql.get('SELECT * FROM opportunities WHERE id = ?', [id]);
      return row ? toRecord(row) : undefined;
    },
    async getMany(ids) {
      const out: OpportunityRecord[] = [];
      for (const chunk of chunks(ids)) {
        const rows = await sql.all(
          `SELECT * FROM opportunities WHERE id IN (${marks(chunk.length)})`,
          chunk,
        );
        out.push(...rows.map(toRecord));
      }
      return out;
    },
    async markShown(ids, now) {
      await update('shown_at = ?', [iso(now)], ids, 'shown_at IS NULL');
    },
    async markListed(ids, channel, ts) {
      await update('listed_channel = ?, listed_ts = ?', [channel, ts], ids);
    },
    async claimForDigest(ids, owner, now, leaseMs) {
      const claimed = new Set<string>();
      const stale = iso(new Date(now.getTime() - leaseMs));
      for (const chunk of chunks(ids)) {
        const rows = await sql.all(
          `UPDATE opportunities SET digest_claimed_by = ?, digest_claimed_at = ?
           WHERE posted_in_digest_at IS NULL
             AND (digest_claimed_at IS NULL OR digest_claimed_at < ?)
             AND id IN (${marks(chunk.length)}) RETURNING id`,
          [owner, iso(now), stale, ...chunk],
        );
        for (const r of rows) claimed.add(String(r.id));
      }
      return ids.filter((id) => claimed.has(id));
    },
    async markPostedInDigest(ids, now) {
      await update('posted_in_digest_at = ?', [iso(now)], ids, 'posted_in_digest_at IS NULL');
    },
    async releaseDigest(ids, owner) {
      await update(
        'digest_claimed_by = NULL, digest_claimed_at = NULL',
        [owner],
        ids,
        'posted_in_digest_at IS NULL AND digest_claimed_by = ?',
      );
    },
    async markProposed(id, now = new Date()) {
      await ensure(id, now);
      await sql.run(
        'UPDATE opportunities SET proposed_at = COALESCE(proposed_at, ?) WHERE id = ?',
        [iso(now), id],
      );
    },
    async dismiss(id, now = new Date()) {
      await ensure(id, now);
      await sql.run(
        'UPDATE opportunities SET dismissed_at = COALESCE(dismissed_at, ?) WHERE id = ?',
        [iso(now), id],
      );
    },
    async newSince(since, limit) {
      const rows = await sql.all(
        `SELECT * FROM opportunities WHERE first_seen_at > ? AND title <> ''
           AND dismissed_at IS NULL AND proposed_at IS NULL ORDER BY score DESC, id LIMIT ?`,
        [since ? iso(since) : '', limit],
      );
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Row): OpportunityRecord {
  return {
    id: String(row.id),
    source: String(row.source),
    key: String(row.source_key),
    label: String(row.label),
    project: String(row.project),
    meta: JSON.parse(String(row.meta)) as Record<string, unknown>,
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
