import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../blocks/usage.ts';
import type { ClientSnapshot } from '../../domain/build-client-snapshot.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';
import { renderClientSnapshot, type SnapshotRenderOptions } from './snapshot-blocks.ts';

export const SNAPSHOT_APPROVE_ACTION = 'snapshot_approve';
/** The note field of a held preview: its block and its element. */
export const NOTE_BLOCK = 'snapshot_note';
export const NOTE_ACTION = 'note';
export const NOTE_MAX = 500;

export interface HeldPreviewInput {
  clientId: string;
  week: string;
  channel: string;
  /** How many addresses it will be e-mailed to. */
  emails: number;
  /** When it goes out once approved, in the client's zone. */
  when: string;
}

/**
 * A held snapshot's preview, in each admin's DM: the post as the client will
 * see it, where and when it goes, an optional note for the client, and
 * **Approve** (`snapshot_approve`, value `client:week`). Only admins get it;
 * the button checks again who presses it.
 */
export function renderHeldPreview(
  s: ClientSnapshot,
  o: SnapshotRenderOptions,
  held: HeldPreviewInput,
): SlackMessage {
  const copy = snapshotCopy(o.locale);
  const post = renderClientSnapshot(s, o);
  const blocks: KnownBlock[] = [
    ...post.blocks,
    { type: 'divider' },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: copy.heldIntro(held.channel, held.emails, held.when) },
    },
    {
      type: 'input',
      block_id: NOTE_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: copy.noteLabel },
      element: {
        type: 'plain_text_input',
        action_id: NOTE_ACTION,
        multiline: true,
        max_length: NOTE_MAX,
        placeholder: { type: 'plain_text', text: copy.notePlaceholder },
      },
    },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          style: 'primary',
          action_id: SNAPSHOT_APPROVE_ACTION,
          value: `${held.clientId}:${held.week}`,
          text: { type: 'plain_text', text: copy.approve },
        },
      ],
    },
  ];
  return { text: `${copy.heldPending(s.clientName)} ${post.text}`, blocks };
}
