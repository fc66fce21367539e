import type { Locale } from '../i18n/locale.ts';

/**
 * The proposal vocabulary shared by drafting, the store and the renderers.
 * An opportunity id is `source:key` (`github:owner/repo#12`), the radar's id.
 */
export interface MergedPull {
  repo: string;
  number: number;
  title: string;
  url: string;
  labels: string[];
  mergedAt: Date | undefined;
}

/** The four parts, as editable text (Slack mrkdwn, links as bare URLs). */
export interface ProposalSections {
  problem: string;
  plan: string;
  evidence: string;
  price: string;
}

export type ProposalState = 'drafted' | 'approved' | 'rejected';

export interface SimilarityFlag {
  draftId: string;
  opportunityId: string;
  /** 0..1 */
  score: number;
}

export interface ProposalRecord {
  id: string;
  opportunityId: string;
  issueUrl: string;
  issueTitle: string;
  locale: Locale;
  sections: ProposalSections;
  hours: number;
  state: ProposalState;
  version: number;
  requestedBy: string;
  channel: string;
  /** The draft message. */
  ts: string;
  threadTs: string | undefined;
  similar: SimilarityFlag | undefined;
  decidedBy: string | undefined;
  decidedAt: Date | undefined;
  rejectReason: string | undefined;
  createdAt: Date;
  updatedAt: Date;
}

/** Editing limits: together they keep the approved copy block under Slack's 3,000 chars. */
export const SECTION_LIMITS: Record<keyof ProposalSections, number> = {
  problem: 900,
  plan: 900,
  evidence: 600,
  price: 400,
};

export const SECTION_KEYS = ['problem', 'plan', 'evidence', 'price'] as const;

/** Cuts text to max chars on a line or word boundary, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const at = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).trimEnd()}…`;
}
