import type { ProposalSections, SimilarityFlag } from '../../domain/proposal.ts';
import type { ProposalStore } from '../../store/proposal-store.ts';
import { findSimilar } from './similarity.ts';

/** How many earlier drafts a new one is compared with. */
const LOOK_BACK = 300;

/**
 * The earlier proposal this one is more than 80% the same as, if any. Only
 * the problem and plan count: evidence and price repeat by nature.
 */
export async function flagSimilarProposal(
  proposals: ProposalStore,
  sections: ProposalSections,
  selfId: string | undefined,
): Promise<SimilarityFlag | undefined> {
  const earlier = (await proposals.recent(LOOK_BACK))
    .filter((p) => p.id !== selfId)
    .map((p) => ({ p, text: `${p.sections.problem}\n${p.sections.plan}` }));
  const hit = findSimilar(`${sections.problem}\n${sections.plan}`, earlier);
  return hit
    ? { draftId: hit.item.p.id, opportunityId: hit.item.p.opportunityId, score: hit.score }
    : undefined;
}
