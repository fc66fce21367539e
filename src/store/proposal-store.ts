import type { ProposalRecord, ProposalSections, SimilarityFlag } from '../domain/proposal.ts';

export type NewProposal = Omit<
  ProposalRecord,
  'state' | 'version' | 'decidedBy' | 'decidedAt' | 'rejectReason' | 'updatedAt'
>;

/**
 * Proposal drafts: drafted → approved | rejected. Every change is a
 * conditional update on (state = 'drafted', version), so of many concurrent
 * presses exactly one wins; the others get `undefined` and re-read.
 */
export interface ProposalStore {
  /**
   * Records a new open draft; undefined when the opportunity already has one
   * (a unique index on both engines: of concurrent creates, one wins).
   */
  create(draft: NewProposal): Promise<ProposalRecord | undefined>;
  get(id: string): Promise<ProposalRecord | undefined>;
  /** Where the draft message landed, once Slack has answered. */
  setMessage(id: string, channel: string, ts: string): Promise<void>;
  /** Forgets a draft whose message could not be posted. */
  discard(id: string): Promise<void>;
  /** New sections (edit, polish); bumps the version. */
  updateSections(
    id: string,
    version: number,
    sections: ProposalSections,
    similar: SimilarityFlag | undefined,
    now: Date,
  ): Promise<ProposalRecord | undefined>;
  approve(id: string, version: number, by: string, now: Date): Promise<ProposalRecord | undefined>;
  reject(
    id: string,
    version: number,
    by: string,
    reason: string | undefined,
    now: Date,
  ): Promise<ProposalRecord | undefined>;
  /** An open (drafted) draft for the opportunity, if any. */
  openDraftFor(opportunityId: string): Promise<ProposalRecord | undefined>;
  /** The opportunities that have a draft in any state: the radar leaves them out. */
  hasDraftFor(opportunityIds: string[]): Promise<Set<string>>;
  /** The most recent drafts, newest first, for the similarity check. */
  recent(limit: number): Promise<ProposalRecord[]>;
}
