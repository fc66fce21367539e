import type { SlackMessage } from '../../blocks/usage.ts';
import type { ClientSnapshot } from '../../domain/build-client-snapshot.ts';
import type { Locale } from '../../i18n/locale.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';
import {
  renderClientSnapshot,
  SNAPSHOT_PICK_ACTION,
  SNAPSHOT_POST_ACTION,
  type SnapshotRenderOptions,
} from './snapshot-blocks.ts';

const MAX_NAME = 75;
const short = (s: string) => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s);

/** The private preview: the post as the client would see it, plus **Post now**. */
export function renderSnapshotPreview(
  s: ClientSnapshot,
  o: SnapshotRenderOptions,
  channel: string,
): SlackMessage {
  const copy = snapshotCopy(o.locale);
  const post = renderClientSnapshot(s, o);
  return {
    text: post.text,
    blocks: [
      ...post.blocks,
      { type: 'divider' },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `${copy.previewNote} <#${channel}>.` },
        accessory: {
          type: 'button',
          style: 'primary',
          action_id: SNAPSHOT_POST_ACTION,
          value: s.clientId,
          text: { type: 'plain_text', text: copy.postNow },
        },
      },
    ],
  };
}

/** Several clients and no id: pick one (each button previews that client). */
export function renderClientPicker(
  clients: ReadonlyArray<{ id: string; name: string }>,
  locale: Locale,
): SlackMessage {
  const copy = snapshotCopy(locale);
  return {
    text: copy.pickClient,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: copy.pickClient },
        accessory: {
          type: 'static_select',
          action_id: SNAPSHOT_PICK_ACTION,
          placeholder: { type: 'plain_text', text: copy.pickClient },
          options: clients.slice(0, 100).map((c) => ({
            text: { type: 'plain_text', text: short(c.name) },
            value: c.id,
          })),
        },
      },
    ],
  };
}
