import type { ContributingCheck, LeadRecord, LeadValidation } from '../../domain/lead.ts';
import type { Sql } from '../sql.ts';
import { iso, text } from '../sql.ts';
import { type LeadPatch, patchSql, toJson, toLead } from './lead-rows.ts';

export type { LeadPatch } from './lead-rows.ts';

/** A lead as first recorded: nothing has happened to it yet. */
export type NewLead = Omit<
  LeadRecord,
  'channel' | 'ts' | 'validatedAt' | 'validation' | 'validationTs' | 'won'
>;

/** What the funnel counts, read from the radar's, the drafts' and the sends' tables. */
export interface FunnelRows {
  /** Ids of opportunities a user was shown (listed, in a digest, or drafted on). */
  listed: string[];
  proposals: Array<{ id: string; opportunityId: string; state: string }>;
  /** Ids of proposals sent: marked sent, or posted as a GitHub comment. */
  sent: string[];
}

/**
 * The leads' memory. A lead's message, its validation and its won amount are
 * each written by one conditional statement, so replicas and retries agree.
 */
export interface LeadStore {
  /** Records a new lead; undefined when it was recorded before (by anyone). */
  create(lead: NewLead): Promise<LeadRecord | undefined>;
  get(id: string): Promise<LeadRecord | undefined>;
  findByUrl(url: string): Promise<LeadRecord | undefined>;
  all(): Promise<LeadRecord[]>;
  update(id: string, patch: LeadPatch, now: Date): Promise<void>;
  setMessage(id: string, channel: string, ts: string): Promise<void>;
  /** True for the one caller that validates it first. */
  claimValidation(id: string, validation: LeadValidation, now: Date): Promise<boolean>;
  setValidationTs(id: string, ts: string): Promise<void>;
  /** Records (or corrects) the amount of a validated lead; undefined when not validated. */
  recordWon(
    id: string,
    won: { amount: number; currency: string; by: string },
    now: Date,
  ): Promise<LeadRecord | undefined>;
  contributing(
    repo: string,
  ): Promise<{ check: ContributingCheck; etag?: string; at: Date } | undefined>;
  saveContributing(check: ContributingCheck, etag: string | undefined, now: Date): Promise<void>;
  /** True the first time this proposal is marked sent (commented on GitHub, or by hand). */
  markSent(proposalId: string, opportunityId: string, via: string, now: Date): Promise<boolean>;
  funnelRows(): Promise<FunnelRows>;
}

export function leadRepository(sql: Sql): LeadStore {
  const one = async (query: string, params: (string | number | null)[]) => {
    const row = await sql.get(query, params);
    return row ? toLead(row) : undefined;
  };
  return {
    async create(l) {
      return one(
        `INSERT INTO leads (id, url, repo, number, author, state, origin, watched_by, opportunity_id,
           facts, contributing, pr_created_at, pr_updated_at, last_event_at, first_reply_at,
           merged_at, etag, first_seen_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING RETURNING *`,
        [
          l.id,
          l.url,
          l.repo,
          l.number,
          l.author,
          l.state,
          l.origin,
          l.watchedBy ?? null,
          l.opportunityId ?? null,
          toJson(l.facts),
          toJson(l.contributing),
          iso(l.prCreatedAt),
          l.prUpdatedAt,
          l.lastEventAt ?? null,
          l.firstReplyAt ? iso(l.firstReplyAt) : null,
          l.mergedAt ? iso(l.mergedAt) : null,
          l.etag ?? null,
          iso(l.firstSeenAt),
          iso(l.firstSeenAt),
        ],
      );
    },
    get: (id) => one('SELECT * FROM leads WHERE id = ?', [id]),
    findByUrl: (url) => one('SELECT * FROM leads WHERE url = ? LIMIT 1', [url]),
    async all() {
      return (await sql.all('SELECT * FROM leads')).map(toLead);
    },
    async update(id, patch, now) {
      const { set, params } = patchSql(patch);
      if (!set) return;
      await sql.run(`UPDATE leads SET ${set}, updated_at = ? WHERE id = ?`, [
        ...params,
        iso(now),
        id,
      ]);
    },
    async setMessage(id, channel, ts) {
      await sql.run('UPDATE leads SET channel = ?, ts = ? WHERE id = ?', [channel, ts, id]);
    },
    async claimValidation(id, validation, now) {
      const r = await sql.run(
        'UPDATE leads SET validated_at = ?, validation = ? WHERE id = ? AND validated_at IS NULL',
        [iso(now), toJson(validation), id],
      );
      return r.changes === 1;
    },
    async setValidationTs(id, ts) {
      await sql.run('UPDATE leads SET validation_ts = ? WHERE id = ?', [ts, id]);
    },
    recordWon: (id, won, now) =>
      one(
        `UPDATE leads SET won_amount = ?, won_currency = ?, won_at = ?, won_by = ?
         WHERE id = ? AND validated_at IS NOT NULL RETURNING *`,
        [String(won.amount), won.currency, iso(now), won.by, id],
      ),
    async contributing(repo) {
      const r = await sql.get('SELECT * FROM contributing_checks WHERE repo = ?', [repo]);
      if (!r) return undefined;
      const etag = text(r.etag);
      const check: ContributingCheck = {
        repo,
        verdict: r.verdict as ContributingCheck['verdict'],
        path: text(r.path),
        quote: text(r.quote),
      };
      return { check, ...(etag ? { etag } : {}), at: new Date(String(r.checked_at)) };
    },
    async saveContributing(check, etag, now) {
      await sql.run(
        `INSERT INTO contributing_checks (repo, verdict, path, quote, etag, checked_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (repo) DO UPDATE SET verdict = excluded.verdict, path = excluded.path,
           quote = excluded.quote, etag = excluded.etag, checked_at = excluded.checked_at`,
        [
          check.repo,
          check.verdict,
          check.path ?? null,
          check.quote ?? null,
          etag ?? null,
          iso(now),
        ],
      );
    },
    async markSent(proposalId, opportunityId, via, now) {
      const r = await sql.run(
        `INSERT INTO proposal_sends (proposal_id, opportunity_id, via, sent_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (proposal_id) DO NOTHING`,
        [proposalId, opportunityId, via, iso(now)],
      );
      return r.changes === 1;
    },
    async funnelRows() {
      const listed = await sql.all(
        `SELECT id FROM opportunities WHERE shown_at IS NOT NULL OR posted_in_digest_at IS NOT NULL
           OR proposed_at IS NOT NULL OR listed_ts IS NOT NULL`,
      );
      const proposals = await sql.all('SELECT id, opportunity_id, state FROM proposals');
      // Sent: marked by hand, or commented on GitHub by Comment on GitHub (issue 21).
      const sent = await sql.all(
        `SELECT proposal_id FROM proposal_sends
         UNION SELECT proposal_id FROM proposal_comments WHERE state = 'posted'`,
      );
      return {
        listed: listed.map((r) => String(r.id)),
        proposals: proposals.map((r) => ({
          id: String(r.id),
          opportunityId: String(r.opportunity_id),
          state: String(r.state),
        })),
        sent: sent.map((r) => String(r.proposal_id)),
      };
    },
  };
}
