import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { decisionBlocker } from './decision-blocker.ts';
import { flagSimilarProposal } from './flag-similar-proposal.ts';
import { LLM_MAX_BYTES, LLM_TIMEOUT_MS, LlmLimitError, polishProse } from './llm.ts';
import { foreignLink } from './llm-draft.ts';
import { tellPrivately, updateProposalMessage } from './presenter.ts';
import { validateProposalEdit } from './validate-edit.ts';

/**
 * **Polish**: the problem and plan rewritten by the configured LLM, saved as
 * an edit (same limits, same similarity check). Evidence and price are never
 * sent to it: they are facts, not prose.
 */
export async function polishProposal(
  deps: Deps,
  client: WebClient,
  input: { id: string; user: string; channel: string },
): Promise<boolean> {
  const record = await deps.store.proposals.get(input.id);
  const blocker = decisionBlocker(deps, record, input.user, 'edit');
  if (blocker || !record) {
    await tellPrivately(client, record?.channel ?? input.channel, input.user, blocker ?? '');
    return false;
  }
  const copy = proposalCopy(record.locale);
  const { LLM_BASE_URL, LLM_MODEL, LLM_API_KEY } = deps.config.env;
  let sections: ReturnType<typeof validateProposalEdit>;
  let failure = copy.polishFailed;
  try {
    if (!LLM_BASE_URL || !LLM_MODEL) throw new Error('LLM_BASE_URL and LLM_MODEL are not set');
    const prose = await polishProse(
      { baseUrl: LLM_BASE_URL, model: LLM_MODEL, apiKey: LLM_API_KEY },
      { locale: record.locale, problem: record.sections.problem, plan: record.sections.plan },
    );
    // No link the draft did not already have: the LLM's text is untrusted.
    const given = [record.issueUrl, ...Object.values(record.sections)].join('\n');
    const foreign = foreignLink(
      `${prose.problem}\n${prose.plan}`,
      [...given.matchAll(/\bhttps?:\/\/\S+/g)].map((m) => m[0]),
    );
    if (foreign) {
      deps.logger.warn({ id: record.id, foreign }, 'polish added a link');
      failure = copy.polishAddedLink;
      throw new Error('the LLM added a link');
    }
    sections = validateProposalEdit({ ...record.sections, ...prose });
  } catch (error) {
    if (failure === copy.polishFailed)
      deps.logger.warn({ err: error, id: record.id }, 'polish failed');
    sections = { ok: false, problems: {} };
    if (error instanceof LlmLimitError)
      failure =
        error.limit === 'size'
          ? copy.polishTooLarge(LLM_MAX_BYTES / 1024)
          : copy.polishTooSlow(LLM_TIMEOUT_MS / 1000);
  }
  if (!sections.ok) {
    await tellPrivately(client, record.channel, input.user, failure);
    return false;
  }
  const similar = await flagSimilarProposal(deps.store.proposals, sections.sections, record.id);
  const saved = await deps.store.proposals.updateSections(
    record.id,
    record.version,
    sections.sections,
    similar,
    deps.now(),
  );
  if (!saved) {
    await tellPrivately(client, record.channel, input.user, copy.changedMeanwhile);
    return false;
  }
  await updateProposalMessage(deps, client, saved);
  return true;
}
