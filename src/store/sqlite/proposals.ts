import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { ProposalRecord } from '../../domain/proposal.ts';
import type { ProposalStore } from '../store.ts';
import { date, iso, text } from './db.ts';

const sectionsSchema = z.object({
  problem: z.string(),
  plan: z.string(),
  evidence: z.string(),
  price: z.string(),
});
const similarSchema = z.object({
  draftId: z.string(),
  opportunityId: z.string(),
  score: z.number(),
});

function toRecord(row: Record<string, unknown>): ProposalRecord {
  const similar = text(row.similarity);
  return {
    id: String(row.id),
    opportunityId: String(row.opportunity_id),
    issueUrl: String(row.issue_url),
    issueTitle: String(row.issue_title),
    locale: row.locale === 'zh-CN' ? 'zh-CN' : 'en',
    sections: sectionsSchema.parse(JSON.parse(String(row.sections))),
    hours: Number(row.hours),
    state: z.enum(['drafted', 'approved', 'rejected']).parse(row.state),
    version: Number(row.version),
    requestedBy: String(row.requested_by),
    channel: String(row.channel),
    ts: String(row.ts),
    threadTs: text(row.thread_ts),
    similar: similar ? similarSchema.parse(JSON.parse(similar)) : undefined,
    decidedBy: text(row.decided_by),
    decidedAt: date(row.decided_at),
    rejectReason: text(row.reject_reason),
    createdAt: new Date(String(row.created_at)),
    updatedAt: new Date(String(row.updated_at)),
  };
}

export function sqliteProposals(db: DatabaseSync): ProposalStore {
  const insert = db.prepare(
    `INSERT INTO proposals (id, opportunity_id, issue_url, issue_title, locale, sections, hours, state,
       version, requested_by, channel, ts, thread_ts, similarity, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'drafted', 1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const get = db.prepare('SELECT * FROM proposals WHERE id = ?');
  const setMessage = db.prepare('UPDATE proposals SET channel = ?, ts = ? WHERE id = ?');
  const discard = db.prepare('DELETE FROM proposals WHERE id = ?');
  const updateSections = db.prepare(
    `UPDATE proposals SET sections = ?, similarity = ?, version = version + 1, updated_at = ?
     WHERE id = ? AND state = 'drafted' AND version = ?`,
  );
  const decide = db.prepare(
    `UPDATE proposals SET state = ?, decided_by = ?, decided_at = ?, reject_reason = ?,
       version = version + 1, updated_at = ?
     WHERE id = ? AND state = 'drafted' AND version = ?`,
  );
  const openFor = db.prepare(
    "SELECT * FROM proposals WHERE opportunity_id = ? AND state = 'drafted' ORDER BY created_at DESC LIMIT 1",
  );
  const recent = db.prepare('SELECT * FROM proposals ORDER BY created_at DESC LIMIT ?');

  const read = (id: string) => {
    const row = get.get(id);
    return row ? toRecord(row) : undefined;
  };
  return {
    async create(d) {
      insert.run(
        d.id,
        d.opportunityId,
        d.issueUrl,
        d.issueTitle,
        d.locale,
        JSON.stringify(d.sections),
        d.hours,
        d.requestedBy,
        d.channel,
        d.ts,
        d.threadTs ?? null,
        d.similar ? JSON.stringify(d.similar) : null,
        iso(d.createdAt),
        iso(d.createdAt),
      );
      return read(d.id)!;
    },
    async get(id) {
      return read(id);
    },
    async setMessage(id, channel, ts) {
      setMessage.run(channel, ts, id);
    },
    async discard(id) {
      discard.run(id);
    },
    async updateSections(id, version, sections, similar, now) {
      const r = updateSections.run(
        JSON.stringify(sections),
        similar ? JSON.stringify(similar) : null,
        iso(now),
        id,
        version,
      );
      return r.changes === 1 ? read(id) : undefined;
    },
    async approve(id, version, by, now) {
      const r = decide.run('approved', by, iso(now), null, iso(now), id, version);
      return r.changes === 1 ? read(id) : undefined;
    },
    async reject(id, version, by, reason, now) {
      const r = decide.run('rejected', by, iso(now), reason ?? null, iso(now), id, version);
      return r.changes === 1 ? read(id) : undefined;
    },
    async openDraftFor(opportunityId) {
      const row = openFor.get(opportunityId);
      return row ? toRecord(row) : undefined;
    },
    async hasDraftFor(opportunityIds) {
      const found = new Set<string>();
      // Chunks keep the bound-parameter list well under SQLite's and Postgres' limits.
      for (let i = 0; i < opportunityIds.length; i += 500) {
        const chunk = opportunityIds.slice(i, i + 500);
        if (chunk.length === 0) continue;
        const rows = db
          .prepare(
            `SELECT DISTINCT opportunity_id FROM proposals WHERE opportunity_id IN (${chunk.map(() => '?').join(', ')})`,
          )
          .all(...chunk);
        for (const r of rows) found.add(String(r.opportunity_id));
      }
      return found;
    },
    async recent(limit) {
      return recent.all(limit).map(toRecord);
    },
  };
}
