/**
 * Comment on GitHub (issue 21): an approved draft posted as an issue comment,
 * exactly once. A row is claimed before the comment is posted, under a lease,
 * and completed with the comment's link; a claim taken over (after a crash, a
 * timeout or an answer that never came) means a comment may already exist,
 * so the taker looks for it by its hidden marker before posting again.
 */
export interface ProposalComment {
  proposalId: string;
  /** The issue it goes to. */
  issueUrl: string;
  /** `posting` (claimed) → `posted`. */
  state: 'posting' | 'posted';
  owner: string;
  claimedAt: Date;
  /** Claims so far: past 1, an earlier try may have posted. */
  attempts: number;
  firstClaimedAt: Date;
  commentUrl: string | undefined;
  postedBy: string | undefined;
  postedAt: Date | undefined;
}

export type CommentClaim =
  /** Ours to post; `retake`: an earlier try may have posted, look for it first. */
  | { kind: 'claimed'; retake: boolean; since: Date }
  | { kind: 'posted'; comment: ProposalComment }
  /** Another press holds the claim, within its lease. */
  | { kind: 'busy' };

export interface ProposalCommentStore {
  claim(
    proposalId: string,
    issueUrl: string,
    owner: string,
    now: Date,
    leaseMs: number,
  ): Promise<CommentClaim>;
  /** The comment is there: its link, by whom, when. Only the claim's owner completes it. */
  complete(proposalId: string, owner: string, url: string, by: string, now: Date): Promise<void>;
  /** Nothing was posted (GitHub refused it): the claim goes, a later press starts afresh. */
  release(proposalId: string, owner: string): Promise<void>;
  /** The outcome is unknown: the claim is given back at once, and the next taker looks first. */
  giveBack(proposalId: string, owner: string): Promise<void>;
  get(proposalId: string): Promise<ProposalComment | undefined>;
}
