import { z } from 'zod';
import type { ProposalRecord } from '../../domain/proposal.ts';
import { isLocale, type Locale } from '../../i18n/locale.ts';
import type { ProposalStore } from '../proposal-store.ts';
import type { Row, Sql } from '../sql.ts';
import { chunks, date, iso, marks, text } from '../sql.ts';

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

function localeOf(row: Row): Locale {
  if (isLocale(row.locale)) return row.locale;
  throw new Error(
    `draft ${String(row.id)} has a locale this version does not know: ${String(row.locale)}`,
  );
}

function toRecord(row: Row): ProposalRecord {
  const similar = text(row.similarity);
  return {
    id: String(row.id),
    opportunityId: String(row.opportunity_id),
    issueUrl: String(row.issue_url),
    issueTitle: String(row.issue_title),
    // A locale this version does not know is an error, not English.
    locale: localeOf(row),
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

// A decision is one conditional UPDATE … RETURNING: of concurrent presses, one row comes back.
const DECIDE = `UPDATE proposals SET state = ?, decided_by = ?, decided_at = ?, reject_reason = ?,
    version = version + 1, updated_at = ?
  WHERE id = ? AND state = 'drafted' AND version = ? RETURNING *`;

export function proposalRepository(sql: Sql): ProposalStore {
  const one = async (query: string, params: (string | number | null)[]) => {
    const row = await sql.get(query, params);
    return row ? toRecord(row) : undefined;
  };
  return {
    async create(d) {
      const row = await one(
        `INSERT INTO proposals (id, opportunity_id, issue_url, issue_title, locale, sections, hours,
           state, version, requested_by, channel, ts, thread_ts, similarity, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'drafted', 1, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (opportunity_id) WHERE state = 'drafted' DO NOTHING RETURNING *`,
        [
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
        ],
      );
      return row;
    },
    async get(id) {
      return one('SELECT * FROM proposals WHERE id = ?', [id]);
    },
    async setMessage(id, channel, ts) {
      await sql.run('UPDATE proposals SET channel = ?, ts = ? WHERE id = ?', [channel, ts, id]);
    },
    async discard(id) {
      await sql.run('DELETE FROM proposals WHERE id = ?', [id]);
    },
    async updateSections(id, version, sections, similar, now) {
      return one(
        `UPDATE proposals SET sections = ?, similarity = ?, version = version + 1, updated_at = ?
         WHERE id = ? AND state = 'drafted' AND version = ? RETURNING *`,
        [JSON.stringify(sections), similar ? JSON.stringify(similar) : null, iso(now), id, version],
      );
    },
    async approve(id, version, by, now) {
      return one(DECIDE, ['approved', by, iso(now), null, iso(now), id, version]);
    },
    async reject(id, version, by, reason, now) {
      return one(DECIDE, ['rejected', by, iso(now), reason ?? null, iso(now), id, version]);
    },
    async openDraftFor(opportunityId) {
      return one(
        "SELECT * FROM proposals WHERE opportunity_id = ? AND state = 'drafted' ORDER BY created_at DESC LIMIT 1",
        [opportunityId],
      );
    },
    async hasDraftFor(opportunityIds) {
      const found = new Set<string>();
      for (const chunk of chunks(opportunityIds)) {
        const rows = await sql.all(
          `SELECT DISTINCT opportunity_id FROM proposals WHERE opportunity_id IN (${marks(chunk.length)})`,
          chunk,
        );
        for (const r of rows) found.add(String(r.opportunity_id));
      }
      return found;
    },
    async recent(limit) {
      const rows = await sql.all('SELECT * FROM proposals ORDER BY created_at DESC LIMIT ?', [
        limit,
      ]);
      return rows.map(toRecord);
    },
  };
}
