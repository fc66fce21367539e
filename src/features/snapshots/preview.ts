import type { SlackMessage } from '../../blocks/usage.ts';
import type { ClientConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { composeClientSnapshot } from './compose.ts';
import { renderSnapshotPreview } from './preview-blocks.ts';

/** This week's snapshot as it would be posted now, for the private preview. */
export async function previewClientSnapshot(
  deps: Deps,
  client: ClientConfig,
): Promise<SlackMessage> {
  const { snapshot, timeZone } = await composeClientSnapshot(deps, client, deps.now());
  return renderSnapshotPreview(snapshot, { locale: deps.config.locale, timeZone }, client.channel);
}
