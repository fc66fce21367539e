import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { mrkdwnLink, safeUrl } from '../../blocks/mrkdwn.ts';
import type { GitHubClient } from '../../clients/github.ts';
import { statusOf } from '../../clients/github-errors.ts';
import type { Deps } from '../../deps.ts';
import { opportunityLabel, parseOpportunityRef } from '../../domain/opportunity.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { parseIssueKey } from '../../sources/github/index.ts';
import { canDecide, decidersOf } from './can-decide.ts';
import { tellPrivately, updateProposalMessage } from './presenter.ts';
import { markdownProposal } from './proposal-forms.ts';

/**
 * A claim lives this long: longer than GitHub's request deadline (10 s) with
 * its retries, so a slow post is never taken over while it may still land.
 */
export const COMMENT_LEASE_MS = 120_000;
/** How many pages of 100 comments the look for an earlier post reads at most. */
const LOOK_PAGES = 10;

/** The hidden line that marks a draft's comment (GitHub renders HTML comments as nothing). */
export const commentMarker = (proposalId: string) => `<!-- gigops:proposal:${proposalId} -->`;

type Outcome = 'posted' | 'found' | 'refused';

/**
 * **Comment on GitHub** on an approved, GitHub-sourced draft: posts the
 * approved text (GitHub Markdown) as a comment on the issue with
 * GITHUB_TOKEN, once. The store holds one claim per draft (a lease), so of
 * any number of presses one posts; a claim taken over after an answer that
 * never came first looks for the draft's marker on the issue. The draft
 * message then shows the comment's link. Only approvers may press it.
 */
export async function commentOnGitHub(
  deps: Deps,
  client: WebClient,
  input: { id: string; user: string; channel: string },
): Promise<Outcome> {
  const record = await deps.store.proposals.get(input.id);
  const copy = proposalCopy(record?.locale ?? deps.config.locale);
  const tell = (text: string) =>
    tellPrivately(client, record?.channel ?? input.channel, input.user, text);
  if (!record) return refuse(tell(copy.unknownDraft));
  const { approvers } = deps.config.proposals;
  if (!canDecide(approvers, record.requestedBy, input.user))
    return refuse(tell(copy.onlyApprovers(decidersOf(approvers, record.requestedBy))));
  if (record.state !== 'approved') return refuse(tell(copy.commentNotApproved));
  const ref = parseOpportunityRef(record.opportunityId);
  const issue = ref?.source === 'github' ? parseIssueKey(ref.key) : undefined;
  if (!issue) return refuse(tell(copy.commentNotGitHub));
  const label = opportunityLabel(record.opportunityId);

  const owner = randomUUID();
  const now = deps.now();
  const claim = await deps.store.proposalComments.claim(
    record.id,
    record.issueUrl,
    owner,
    now,
    COMMENT_LEASE_MS,
  );
  if (claim.kind === 'posted')
    return refuse(tell(copy.commentAlready(link(claim.comment.commentUrl, label))));
  if (claim.kind === 'busy') return refuse(tell(copy.commentBusy));

  const marker = commentMarker(record.id);
  const log = deps.logger.child({ id: record.id, issue: label });
  let url: string | undefined;
  let found = false;
  let posting = false;
  try {
    if (claim.retake) {
      url = await findMarkedComment(deps.github, issue, marker, claim.since);
      found = url !== undefined;
    }
    posting = true;
    url ??= await postComment(
      deps.github,
      issue,
      `${markdownProposal(record.sections)}\n\n${marker}`,
    );
  } catch (error) {
    const status = statusOf(error);
    const message = String((error as { message?: unknown }).message ?? '');
    // A refusal of the post itself means nothing was posted; a failed look proves nothing.
    const refused = posting && status !== undefined && status >= 400 && status < 500;
    log.warn({ err: error, status, refused }, 'comment on GitHub failed');
    if (status !== undefined && status >= 400 && status < 500 && !refused) {
      await deps.store.proposalComments.giveBack(record.id, owner);
      return refuse(tell(refusal(copy, status, message, label)));
    }
    if (refused) {
      // GitHub said no: nothing was posted, so the next press starts afresh.
      await deps.store.proposalComments.release(record.id, owner);
      return refuse(tell(refusal(copy, status, message, label)));
    }
    // No answer, or a server error: it may have landed. The next press looks before posting.
    await deps.store.proposalComments.giveBack(record.id, owner);
    return refuse(tell(copy.commentUnsure(label)));
  }
  await deps.store.proposalComments.complete(record.id, owner, url, input.user, deps.now());
  log.info({ url, found, by: input.user }, found ? 'found the earlier comment' : 'commented');
  await updateProposalMessage(deps, client, record);
  await tell(copy.commentPosted(link(url, label)));
  return found ? 'found' : 'posted';
}

const refuse = async (told: Promise<void>): Promise<'refused'> => {
  await told;
  return 'refused';
};

const link = (url: string | undefined, label: string) =>
  safeUrl(url) ? mrkdwnLink(url, label) : label;

function refusal(
  copy: ReturnType<typeof proposalCopy>,
  status: number | undefined,
  message: string,
  label: string,
): string {
  if (status === 401) return copy.commentNoAuth;
  if (status === 403 && /locked/i.test(message)) return copy.commentLocked(label);
  if (status === 403 || status === 429) {
    return /rate limit/i.test(message)
      ? copy.commentRateLimited(label)
      : copy.commentForbidden(label);
  }
  if (status === 404 || status === 410) return copy.commentNotFound(label);
  return copy.commentRejected(label, status ?? 0);
}

type IssueRef = { owner: string; repo: string; number: number };

/** One POST, never retried by the client (a retried POST could comment twice). */
async function postComment(github: GitHubClient, issue: IssueRef, body: string): Promise<string> {
  const res = await github.rest.issues.createComment({
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.number,
    body,
    request: { retries: 0 },
  });
  return res.data.html_url;
}

/** The draft's comment, if an earlier try posted it: by its marker, among comments since that try. */
async function findMarkedComment(
  github: GitHubClient,
  issue: IssueRef,
  marker: string,
  since: Date,
): Promise<string | undefined> {
  let pages = 0;
  for await (const page of github.paginate.iterator(github.rest.issues.listComments, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.number,
    // A minute of slack for clocks that disagree.
    since: new Date(since.getTime() - 60_000).toISOString(),
    per_page: 100,
  })) {
    const mine = page.data.find((c) => (c.body ?? '').includes(marker));
    if (mine) return mine.html_url;
    if (++pages >= LOOK_PAGES) break;
  }
  return undefined;
}
