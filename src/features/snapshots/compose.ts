import { type ClientConfig, clientTimeZone } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { buildClientSnapshot, type ClientSnapshot } from '../../domain/build-client-snapshot.ts';
import { previousSlot } from '../../domain/snapshot-slots.ts';
import { cronFields } from '../../scheduling/cron-fields.ts';
import { loadClientItems } from './load-client-items.ts';

export interface ComposedSnapshot {
  snapshot: ClientSnapshot;
  timeZone: string;
}

/** Reads the client's items and builds the snapshot of the week ending at `slotTime`. */
export async function composeClientSnapshot(
  deps: Pick<Deps, 'config' | 'notion' | 'now'>,
  client: ClientConfig,
  slotTime: Date,
): Promise<ComposedSnapshot> {
  const notion = deps.notion;
  const delivery = deps.config.delivery?.notion;
  if (!notion || !delivery) throw new SnapshotsNotConfigured();
  const timeZone = clientTimeZone(deps.config, client);
  const items = await loadClientItems({ notion, delivery }, client);
  const since =
    previousSlot(cronFields(client.snapshot.cron), timeZone, slotTime) ??
    new Date(slotTime.getTime() - 7 * 86_400_000);
  const snapshot = buildClientSnapshot({
    items,
    client,
    statusMap: delivery.statusMap,
    now: deps.now(),
    since,
    timeZone,
  });
  return { snapshot, timeZone };
}

/** NOTION_TOKEN or `delivery.notion` is missing: the user is told what to set. */
export class SnapshotsNotConfigured extends Error {
  constructor() {
    super('snapshots need NOTION_TOKEN and delivery.notion');
    this.name = 'SnapshotsNotConfigured';
  }
}

export const snapshotsConfigured = (deps: Pick<Deps, 'config' | 'notion'>): boolean =>
  !!deps.notion && !!deps.config.delivery?.notion;
