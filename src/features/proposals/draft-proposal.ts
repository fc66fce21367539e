import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import { echoInput } from '../../domain/parse-gigs-command.ts';
import type { ProposalRecord } from '../../domain/proposal.ts';
import { ErrorCode, isGigopsError } from '../../errors.ts';
import { commonCopy } from '../../i18n/common.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { cannotPost, PostNotConfirmed } from '../../slack/post-once.ts';
import { GITHUB_SOURCE } from '../../sources/github/index.ts';
import { POST_SOURCE } from '../../sources/post/index.ts';
import { commercialLineFor } from '../leads/index.ts';
import { briefOf } from './brief.ts';
import { composeDraft, type DraftedProposal } from './compose-draft.ts';
import { renderProposal } from './draft-blocks.ts';
import { flagSimilarProposal } from './flag-similar-proposal.ts';
import { type LlmFallback, writeDraftWithLlm } from './llm-draft.ts';
import { fetchMergedPulls } from './merged-pulls.ts';
import { opportunityName } from './opportunity-name.ts';
import { canPolish, llmOptions, postDraft } from './presenter.ts';
import { otherLanguage } from './validate-paste.ts';

export interface DraftRequest {
  /** The opportunity's id, `source:key` (a button's value, or built from a URL). */
  id: string;
  requestedBy: string;
  /** Where it was asked for: the channel, and the opportunity message to thread under. */
  channel: string;
  threadTs: string | undefined;
}

export type DraftOutcome =
  /** `tell`: what the asker is told privately (where the draft went; who wrote it). */
  | { kind: 'posted'; record: ProposalRecord; tell: string | undefined }
  | { kind: 'problem'; text: string };

/**
 * Fetches the opportunity from its source and the freelancer's merged pull
 * requests, drafts the proposal, posts it (to `proposals.channel`, else threaded under the
 * opportunity, else in the asking channel) and records it.
 */
export async function draftProposal(
  deps: Deps,
  client: WebClient,
  request: DraftRequest,
): Promise<DraftOutcome> {
  const { proposals, locale } = deps.config;
  const copy = proposalCopy(locale);
  const found = deps.sources.resolve(request.id);
  if (!found) return { kind: 'problem', text: copy.badOpportunity(echoInput(request.id)) };
  // Named in messages by its key (`owner/repo#12`) or as a job post; stored under its id.
  const opportunityId = `${found.source}:${found.key}`;
  const ref = opportunityName(opportunityId, locale);

  const open = await deps.store.proposals.openDraftFor(opportunityId);
  if (open) return { kind: 'problem', text: copy.draftExists(ref, open.channel) };

  let drafted: DraftedProposal;
  let note: string | undefined;
  let project: string | undefined;
  const llm = llmOptions(deps);
  try {
    const brief = briefOf(await found.from.get(found.key));
    if (brief.kind === 'issue') project = brief.project;
    // A post in another language is still drafted in `locale`; the asker is told.
    if (brief.kind === 'post' && otherLanguage(brief.body, locale)) note = copy.otherLanguage;
    const pulls = proposals.githubLogin
      ? await fetchMergedPulls(deps.github, proposals.githubLogin)
      : [];
    drafted = composeDraft(brief, pulls, { ...proposals, locale });
    if (llm) {
      // The LLM may write the whole draft; it is kept only when the facts survive.
      const written = await writeDraftWithLlm(llm, brief, drafted, locale);
      if (written.kind === 'written') {
        drafted = { ...drafted, sections: written.sections };
        note = join(note, copy.llmWrote(llm.model));
      } else {
        deps.logger.info({ ref: opportunityId, why: written.why }, 'LLM draft not used');
        note = join(note, copy.llmFellBack(whyText(copy, written.why)));
      }
    }
  } catch (error) {
    deps.logger.warn({ err: error, ref: opportunityId }, 'could not draft a proposal');
    return {
      kind: 'problem',
      text:
        found.source === POST_SOURCE
          ? copy.postGone
          : isGigopsError(error, ErrorCode.OpportunityGone)
            ? copy.issueNotFound(ref)
            : copy.githubFailed(ref),
    };
  }

  const now = deps.now();
  const id = randomUUID();
  const channel = proposals.channel ?? request.channel;
  const threadTs = proposals.channel ? undefined : request.threadTs;
  const similar = await flagSimilarProposal(deps.store.proposals, drafted.sections, undefined);
  const record: ProposalRecord = {
    id,
    opportunityId: drafted.opportunityId,
    issueUrl: drafted.issueUrl,
    issueTitle: drafted.issueTitle,
    hours: drafted.hours,
    sections: drafted.sections,
    locale,
    state: 'drafted',
    version: 1,
    requestedBy: request.requestedBy,
    channel,
    ts: '',
    threadTs,
    similar,
    decidedBy: undefined,
    decidedAt: undefined,
    rejectReason: undefined,
    createdAt: now,
    updatedAt: now,
  };

  // Recorded before posting, so a press on the fresh message always finds it.
  const stored = await deps.store.proposals.create(record);
  if (!stored) {
    // Another press won the race: point to its draft.
    const winner = await deps.store.proposals.openDraftFor(opportunityId);
    return { kind: 'problem', text: copy.draftExists(ref, winner?.channel ?? channel) };
  }
  const message = renderProposal(stored, { canPolish: canPolish(deps) });
  try {
    const posted = await postDraft(deps, client, { id, channel, threadTs, message });
    stored.ts = posted.ts;
    stored.channel = String(posted.channel ?? channel);
    await deps.store.proposals.setMessage(id, stored.channel, stored.ts);
    // Proposed on: /gigs no longer lists it, whatever becomes of the draft.
    await deps.store.opportunities.markProposed(stored.opportunityId, now);
  } catch (error) {
    await deps.store.proposals.discard(id);
    deps.logger.warn({ err: error, ref, channel }, 'could not post a proposal draft');
    if (cannotPost(error)) return { kind: 'problem', text: copy.notInChannel(channel) };
    if (error instanceof PostNotConfirmed)
      return {
        kind: 'problem',
        text: commonCopy(locale).notPosted({ what: 'draft', channel, failed: error }),
      };
    throw error;
  }
  deps.logger.info({ id, ref, channel, similar: similar?.score }, 'proposal drafted');
  // Drafts sent to proposals.channel from another channel: tell the asker where.
  const elsewhere = stored.channel !== request.channel ? copy.postedIn(stored.channel) : undefined;
  const tell = join(elsewhere, note, await commercialLineOf(deps, found.source, project));
  return { kind: 'posted', record: stored, tell };
}

/**
 * For a draft on a GitHub issue, whether the repository's CONTRIBUTING allows
 * a commercial line in a pull request (issue 22: some forbid "marketing
 * copy"). GitHub's GraphQL needs a token; without one, or when the check
 * itself fails, nothing is said rather than a guess.
 */
async function commercialLineOf(
  deps: Deps,
  source: string,
  project: string | undefined,
): Promise<string | undefined> {
  if (source !== GITHUB_SOURCE || !project || !deps.config.env.GITHUB_TOKEN) return undefined;
  return commercialLineFor(deps, project).catch((error: unknown) => {
    deps.logger.warn({ err: error, repo: project }, 'could not check CONTRIBUTING');
    return undefined;
  });
}

const join = (...lines: Array<string | undefined>) => lines.filter(Boolean).join('\n') || undefined;

function whyText(copy: ReturnType<typeof proposalCopy>, why: LlmFallback): string {
  switch (why.kind) {
    case 'missing':
      return copy.llmWhy.missing(why.facts.join(', '));
    case 'link':
      return copy.llmWhy.link;
    case 'too-long':
      return copy.llmWhy.tooLong;
    default:
      return copy.llmWhy[why.kind];
  }
}
