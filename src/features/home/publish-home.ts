import type { KnownBlock } from '@slack/types';
import { type ClientConfig, clientTimeZone } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { adminsOf, isAdmin } from '../../domain/roles.ts';
import { nextSlot } from '../../domain/snapshot-slots.ts';
import type { Integration } from '../../integration-health.ts';
import { cronFields } from '../../scheduling/cron-fields.ts';
import { composeClientSnapshot, snapshotsConfigured } from '../snapshots/index.ts';
import { type HomeClient, renderHome } from './home-blocks.ts';
import { renderAwaitingApproval, renderNewOpportunities } from './home-sections.ts';

const SERVICES: Integration[] = ['slack', 'github', 'notion'];
const HOME_LIST_LIMIT = 8;

/**
 * Slack sends app_home_opened on every switch to the Home tab, and each
 * client's figures take ceil(items / 100) Notion requests, at 3 a second
 * shared with delivery sync. So they are read at most once a minute per
 * client, and opens meanwhile (any user's) share that read. A failed read is
 * not kept: the next open tries again.
 */
export const HOME_CLIENT_TTL_MS = 60_000;

type ClientFigures = Pick<HomeClient, 'points' | 'count' | 'blockers'>;
/** Each client's figures as last read, by client id: the App Home's state, one per bot. */
type FiguresCache = Map<string, { at: number; figures: Promise<ClientFigures> }>;

function clientFigures(
  deps: Deps,
  cache: FiguresCache,
  client: ClientConfig,
  now: Date,
): Promise<ClientFigures> {
  const kept = cache.get(client.id);
  if (kept && now.getTime() - kept.at < HOME_CLIENT_TTL_MS) return kept.figures;
  const figures = composeClientSnapshot(deps, client, now).then(({ snapshot }) => ({
    points: snapshot.points,
    count: snapshot.count,
    blockers: snapshot.blockers.length,
  }));
  const entry = { at: now.getTime(), figures };
  cache.set(client.id, entry);
  figures.catch(() => {
    if (cache.get(client.id) === entry) cache.delete(client.id);
  });
  return figures;
}

/** A section another feature gives the App Home (leads), rendered for one user. */
export type HomeSection = (userId: string) => Promise<KnownBlock[]>;

export interface HomePublisher {
  /** Builds and publishes one user's App Home; a failing part is shown as such, never blank. */
  publish(userId: string): Promise<void>;
}

/**
 * The App Home of this bot: `sections` are what other features give it
 * (leads); the client figures it read are kept on it (HOME_CLIENT_TTL_MS),
 * shared by every user's visit.
 */
export function homePublisher(deps: Deps, sections: readonly HomeSection[] = []): HomePublisher {
  const figures: FiguresCache = new Map();
  return { publish: (userId) => publishHome(deps, figures, userId, sections) };
}

async function publishHome(
  deps: Deps,
  figures: FiguresCache,
  userId: string,
  extra: readonly HomeSection[],
): Promise<void> {
  const now = deps.now();
  const notionOn = snapshotsConfigured(deps);
  const visitKey = `home:last-visit:${userId}`;
  const seen = await deps.store.meta.get(visitKey);
  const lastVisit = seen ? new Date(seen) : undefined;
  const { locale } = deps.config;
  const leadsOn = deps.config.leads !== undefined;
  const sections = await Promise.all(
    [
      async () =>
        renderNewOpportunities(
          locale,
          await deps.store.opportunities.newSince(lastVisit, HOME_LIST_LIMIT),
          lastVisit === undefined,
          leadsOn,
        ),
      async () => {
        const recent = await deps.store.proposals.recent(100);
        const open = recent.filter((d) => d.state === 'drafted').slice(0, HOME_LIST_LIMIT);
        return renderAwaitingApproval(locale, open, leadsOn);
      },
      ...extra.map((section) => () => section(userId)),
    ].map((render) =>
      render().catch((error: unknown): KnownBlock[] => {
        deps.logger.warn({ err: error }, 'an App Home section failed');
        return [];
      }),
    ),
  );
  // Client figures are client data: admins only (PRODUCT.md → Roles).
  const admin = isAdmin(deps.config, userId);
  const clients = await Promise.all(
    (admin ? deps.config.clients : []).map(async (client): Promise<HomeClient> => {
      const timeZone = clientTimeZone(deps.config, client);
      const base = {
        name: client.name,
        timeZone,
        nextSnapshot: nextSlot(cronFields(client.snapshot.cron), timeZone, now),
      };
      if (!notionOn)
        return { ...base, points: undefined, count: undefined, blockers: 0, failed: false };
      try {
        return { ...base, ...(await clientFigures(deps, figures, client, now)), failed: false };
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
    ...(admin ? {} : { adminsOnly: adminsOf(deps.config) }),
    // E-mailed snapshots' SMTP server, once they are on (SMTP_URL).
    health: [...SERVICES, ...(deps.config.env.SMTP_URL ? ['email' as const] : [])].map((s) => [
      s,
      deps.health.status(s),
    ]),
  });
  await deps.slack.views.publish({ user_id: userId, view });
  deps.health.ok('slack');
  await deps.store.meta.set(visitKey, now.toISOString());
}
