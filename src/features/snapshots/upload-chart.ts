import { renderCompletionChart } from '../../blocks/completion-chart.ts';
import type { ClientConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';

const WEEKS = 8;

/**
 * Completion by points over the last weeks the store has kept, as a PNG in the
 * client channel. Through the client that never retries (Deps.slackPost):
 * files.completeUploadExternal shares the file in the channel, and a retry
 * after a timeout could share it twice. A failed upload is logged instead.
 */
export async function uploadSnapshotChart(
  deps: Pick<Deps, 'store' | 'slack' | 'slackPost' | 'config' | 'health'>,
  client: ClientConfig,
): Promise<void> {
  const history = await deps.store.snapshots.history(client.id, WEEKS);
  const rates = history.map((h) => (h.pointsTotal > 0 ? h.pointsDone / h.pointsTotal : 0));
  const png = renderCompletionChart(rates.map((rate) => ({ rate })));
  const copy = snapshotCopy(deps.config.locale);
  const described = history
    .map((h, i) => `${h.week} ${Math.round((rates[i] ?? 0) * 100)}%`)
    .join(', ');
  await (deps.slackPost ?? deps.slack).filesUploadV2({
    channel_id: client.channel,
    file: png,
    filename: `${client.id}-completion.png`,
    title: copy.chartTitle(client.name),
    alt_text: copy.chartAlt(client.name, described),
  });
  deps.health.ok('slack');
}
