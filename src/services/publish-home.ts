import type { KnownBlock } from '@slack/types';
import { type HomeClient, renderHome } from '../blocks/home.ts';
import { renderAwaitingApproval, renderNewOpportunities } from '../blocks/home-sections.ts';
import { clientTimeZone } from '../config.ts';
import type { Deps } from '../deps.ts';
import { nextSlot } from '../domain/snapshot-slots.ts';
import type { Integration } from '../integration-health.ts';
import { cronFields } from '../scheduling/cron-fields.ts';
import { composeClientSnapshot, snapshotsConfigured } from './compose-client-snapshot.ts';

const SERVICES: Integration[] = ['slack', 'github', 'notion'];
const HOME_LIST_LIMIT = 8;

/** Builds and publishes one user's App Home; a failing part is shown as such, never blank. */
export async function publishHome(deps: Deps, userId: string): Promise<void> {
  const now = deps.now();
  const notionOn = snapshotsConfigured(deps);
  const visitKey = `home:last-visit:${userId}`;
  const seen = await deps.store.meta.get(visitKey);
  const lastVisit = seen ? new Date(seen) : undefined;
  const { locale } = deps.config;
  const sections = await Promise.all(
    [
      async () =>
        renderNewOpportunities(
          locale,
          await deps.store.opportunities.newSince(lastVisit, HOME_LIST_LIMIT),
          lastVisit === undefined,
        ),
      async () => {
        const recent = await deps.store.proposals.recent(100);
        const open = recent.filter((d) => d.state === 'drafted').slice(0, HOME_LIST_LIMIT);
        return renderAwaitingApproval(locale, open);
      },
    ].map((render) =>
      render().catch((error: unknown): KnownBlock[] => {
        deps.logger.warn({ err: error }, 'an App Home section failed');
        return [];
      }),
    ),
  );
  const clients = await Promise.all(
    deps.config.clients.map(async (client): Promise<HomeClient> => {
      const timeZone = clientTimeZone(deps.config, client);
      const base = {
        name: client.name,
        timeZone,
        nextSnapshot: nextSlot(cronFields(client.snapshot.cron), timeZone, now),
      };
      if (!notionOn)
        return { ...base, points: undefined, count: undefined, blockers: 0, failed: false };
      try {
        const { snapshot } = await composeClientSnapshot(deps, client, now);
        const { points, count, blockers } = snapshot;
        return { ...base, points, count, blockers: blockers.length, failed: false };
      } catch (error) {
        deps.logger.warn({ err: error, client: client.id }, 'App Home: client snapshot failed');
        return { ...base, points: undefined, count: undefined, blockers: 0, failed: true };
      }
    }),
  );
  const view = renderHome({
    locale: deps.config.locale,
    timeZone: deps.config.timezone,
    now,
    sections,
    clients,
    notionOn,
    health: SERVICES.map((s) => [s, deps.health.status(s)]),
  });
  await deps.slack.views.publish({ user_id: userId, view });
  deps.health.ok('slack');
  await deps.store.meta.set(visitKey, now.toISOString());
}
