import type {
  CommentClaim,
  ProposalComment,
  ProposalCommentStore,
} from '../proposal-comment-store.ts';
import type { Row, Sql } from '../sql.ts';
import { date, iso, text } from '../sql.ts';

const toComment = (row: Row): ProposalComment => ({
  proposalId: String(row.proposal_id),
  issueUrl: String(row.issue_url),
  state: row.state === 'posted' ? 'posted' : 'posting',
  owner: String(row.owner),
  claimedAt: new Date(String(row.claimed_at)),
  attempts: Number(row.attempts),
  firstClaimedAt: new Date(String(row.first_claimed_at)),
  commentUrl: text(row.comment_url),
  postedBy: text(row.posted_by),
  postedAt: date(row.posted_at),
});

/** A claim given back sets its time here: older than any lease, so the next press takes it. */
const GIVEN_BACK = '1970-01-01T00:00:00.000Z';

export function proposalCommentRepository(sql: Sql): ProposalCommentStore {
  const get = async (proposalId: string) => {
    const row = await sql.get('SELECT * FROM proposal_comments WHERE proposal_id = ?', [
      proposalId,
    ]);
    return row ? toComment(row) : undefined;
  };
  return {
    get,
    async claim(proposalId, issueUrl, owner, now, leaseMs): Promise<CommentClaim> {
      // The first press inserts: nothing can have been posted before it.
      const inserted = await sql.run(
        `INSERT INTO proposal_comments (proposal_id, issue_url, state, owner, claimed_at, attempts,
           first_claimed_at) VALUES (?, ?, 'posting', ?, ?, 1, ?)
         ON CONFLICT (proposal_id) DO NOTHING`,
        [proposalId, issueUrl, owner, iso(now), iso(now)],
      );
      if (inserted.changes === 1) return { kind: 'claimed', retake: false, since: now };
      // A claim whose lease ran out (or that was given back) is taken over: one taker wins.
      const stale = iso(new Date(now.getTime() - leaseMs));
      const taken = await sql.run(
        `UPDATE proposal_comments SET owner = ?, claimed_at = ?, attempts = attempts + 1
         WHERE proposal_id = ? AND state = 'posting' AND claimed_at < ?`,
        [owner, iso(now), proposalId, stale],
      );
      const row = await get(proposalId);
      if (taken.changes === 1 && row)
        return { kind: 'claimed', retake: true, since: row.firstClaimedAt };
      if (row?.state === 'posted') return { kind: 'posted', comment: row };
      return { kind: 'busy' };
    },
    async complete(proposalId, owner, url, by, now) {
      await sql.run(
        `UPDATE proposal_comments SET state = 'posted', comment_url = ?, posted_by = ?, posted_at = ?
         WHERE proposal_id = ? AND owner = ? AND state = 'posting'`,
        [url, by, iso(now), proposalId, owner],
      );
    },
    async release(proposalId, owner) {
      await sql.run(
        `DELETE FROM proposal_comments WHERE proposal_id = ? AND owner = ? AND state = 'posting'`,
        [proposalId, owner],
      );
    },
    async giveBack(proposalId, owner) {
      await sql.run(
        `UPDATE proposal_comments SET claimed_at = ?
         WHERE proposal_id = ? AND owner = ? AND state = 'posting'`,
        [GIVEN_BACK, proposalId, owner],
      );
    },
  };
}
