import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mrkdwnLink } from '../../blocks/mrkdwn.ts';
import type { SlackMessage } from '../../blocks/usage.ts';
import { clip, type ProposalRecord, SECTION_KEYS } from '../../domain/proposal.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import type { ProposalComment } from '../../store/proposal-comment-store.ts';
import { opportunityName } from './opportunity-name.ts';
import { pasteForm, proposalInForm } from './proposal-forms.ts';

export const PROPOSAL_ACTIONS = {
  approve: 'proposal_approve',
  edit: 'proposal_edit',
  reject: 'proposal_reject',
  polish: 'proposal_polish',
  comment: 'proposal_comment',
} as const;

const stamp = (d: Date | undefined) =>
  d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '?';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, 3000) },
});

/**
 * Text shown as it is (Slack's plain_text: no mrkdwn, so nothing in it becomes
 * a mention or a link, and a copy gives the characters back unchanged), in
 * pieces of at most 3,000 characters cut at a blank line when one is near.
 */
function verbatim(text: string): KnownBlock[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 3000) {
    const cut = rest.lastIndexOf('\n\n', 3000);
    const at = cut > 1500 ? cut : 3000;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n+/, '');
  }
  if (rest.trim()) pieces.push(rest);
  return pieces.map((t) => ({
    type: 'section',
    text: { type: 'plain_text', text: t, emoji: false },
  }));
}

/**
 * One renderer for the draft message in every state: drafted (four parts and
 * buttons), approved (the text to paste, in the form its destination takes,
 * stamped), rejected (one line).
 */
export function renderProposal(
  record: ProposalRecord,
  options: { canPolish: boolean; comment?: ProposalComment | undefined },
): SlackMessage {
  const copy = proposalCopy(record.locale);
  const ref = mrkdwnLink(record.issueUrl, opportunityName(record.opportunityId, record.locale));
  const title = clip(record.issueTitle.replace(/\s+/g, ' '), 100);

  if (record.state === 'rejected') {
    const reason = record.rejectReason ? escapeMrkdwn(clip(record.rejectReason, 300)) : undefined;
    const line = copy.rejectedLine(ref, record.decidedBy ?? '?', stamp(record.decidedAt), reason);
    return { text: line, blocks: [section(line)] };
  }

  if (record.state === 'approved') {
    const header = copy.approvedHeader(title);
    // The form it is pasted in: Markdown for a GitHub comment, plain text for Upwork and the like.
    const form = pasteForm(record.opportunityId);
    const comment = options.comment?.state === 'posted' ? options.comment : undefined;
    // A GitHub issue's draft goes there as a comment, once: a button until it is, then its link.
    const commentBlocks: KnownBlock[] =
      form !== 'markdown'
        ? []
        : comment
          ? [
              {
                type: 'context',
                elements: [
                  {
                    type: 'mrkdwn',
                    text: copy.commentedLine(
                      mrkdwnLink(comment.commentUrl, copy.commentLinkLabel),
                      comment.postedBy ?? '?',
                      stamp(comment.postedAt),
                    ),
                  },
                ],
              },
            ]
          : [
              {
                type: 'actions',
                block_id: 'proposal_comment',
                elements: [
                  {
                    type: 'button',
                    action_id: PROPOSAL_ACTIONS.comment,
                    text: { type: 'plain_text', text: copy.commentOnGitHub },
                    value: record.id,
                  },
                ],
              },
            ];
    return {
      text: escapeMrkdwn(header),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: clip(header, 150) } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: copy.pasteAs[form] }] },
        ...verbatim(proposalInForm(record.sections, form)),
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: copy.context(ref, record.requestedBy) },
            {
              type: 'mrkdwn',
              text: copy.approvedStamp(record.decidedBy ?? '?', stamp(record.decidedAt)),
            },
          ],
        },
        ...commentBlocks,
      ],
    };
  }

  const header = copy.draftHeader(title);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(header, 150) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: copy.context(ref, record.requestedBy) }],
    },
  ];
  if (record.similar) {
    blocks.push(
      section(
        copy.similarFlag(
          Math.round(record.similar.score * 100),
          escapeMrkdwn(opportunityName(record.similar.opportunityId, record.locale)),
        ),
      ),
    );
  }
  for (const key of SECTION_KEYS) {
    blocks.push(section(`*${copy.sectionTitles[key]}*\n${escapeMrkdwn(record.sections[key])}`));
  }
  const button = (action_id: string, text: string, style?: 'primary' | 'danger') => ({
    type: 'button' as const,
    action_id,
    text: { type: 'plain_text' as const, text },
    value: record.id,
    ...(style ? { style } : {}),
  });
  blocks.push({
    type: 'actions',
    block_id: 'proposal_actions',
    elements: [
      button(PROPOSAL_ACTIONS.approve, copy.approve, 'primary'),
      button(PROPOSAL_ACTIONS.edit, copy.edit),
      button(PROPOSAL_ACTIONS.reject, copy.reject, 'danger'),
      ...(options.canPolish ? [button(PROPOSAL_ACTIONS.polish, copy.polish)] : []),
    ],
  });
  // The top-level text is what notifications show, and it is mrkdwn: escaped.
  return { text: escapeMrkdwn(header), blocks };
}
