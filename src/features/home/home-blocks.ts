import type { HomeView, KnownBlock } from '@slack/types';
import type { Ratio } from '../../domain/build-client-snapshot.ts';
import { formatWhen, percent } from '../../domain/format-when.ts';
import type { Locale } from '../../i18n/locale.ts';
import { homeCopy } from '../../i18n/snapshots.ts';
import type { Integration, IntegrationStatus } from '../../integration-health.ts';

export interface HomeClient {
  name: string;
  timeZone: string;
  /** Undefined when Notion is off or could not be read. */
  points: Ratio | undefined;
  count: Ratio | undefined;
  blockers: number;
  failed: boolean;
  nextSnapshot: Date | undefined;
}

export interface HomeInput {
  locale: Locale;
  timeZone: string;
  now: Date;
  /** Sections other features contribute (new opportunities, drafts awaiting approval). */
  sections: KnownBlock[][];
  clients: HomeClient[];
  notionOn: boolean;
  /** Set when the reader is not an admin: client figures are not shown, and these are who can see them. */
  adminsOnly?: readonly string[];
  health: Array<[Integration, IntegrationStatus]>;
}

export const HOME_MAX_BLOCKS = 100;
const MAX_CLIENTS = 40;
const SERVICE_NAMES: Record<Integration, string> = {
  slack: 'Slack',
  github: 'GitHub',
  notion: 'Notion',
  email: 'E-mail (SMTP)',
};

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: text.slice(0, 3000) },
});

/**
 * The freelancer's dashboard. Our own sections have a fixed budget; the
 * contributed sections get what is left of Slack's 100 blocks, in order.
 */
export function renderHome(input: HomeInput): HomeView {
  const copy = homeCopy(input.locale);
  const when = (d: Date) => formatWhen(d, input.timeZone, input.locale);
  const own: KnownBlock[] = [{ type: 'divider' }, section(copy.clients)];
  if (input.adminsOnly) own.push(section(copy.clientsAdminsOnly(input.adminsOnly)));
  else if (!input.notionOn) own.push(section(copy.notionOff));
  for (const c of input.clients.slice(0, MAX_CLIENTS)) {
    const pct =
      c.points && c.count ? `${percent(c.points)} (${percent(c.count)} items)` : copy.noData;
    const line = c.failed ? copy.clientError(c.name) : copy.clientLine(c.name, pct, c.blockers);
    const next = c.nextSnapshot
      ? copy.nextSnapshot(formatWhen(c.nextSnapshot, c.timeZone, input.locale))
      : '';
    own.push(section(next ? `${line}\n${next}` : line));
  }
  own.push({ type: 'divider' }, section(copy.health));
  own.push(
    section(
      input.health
        .map(([service, s]) =>
          copy.healthLine(
            SERVICE_NAMES[service],
            s.lastSuccess ? copy.lastOk(when(s.lastSuccess)) : copy.never,
            s.lastError ? copy.lastError(when(s.lastError.at), s.lastError.message) : copy.noError,
          ),
        )
        .join('\n'),
    ),
    { type: 'context', elements: [{ type: 'mrkdwn', text: copy.updated(when(input.now)) }] },
  );
  const head: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: copy.title } }];
  let budget = HOME_MAX_BLOCKS - head.length - own.length;
  const contributed: KnownBlock[] = [];
  for (const s of input.sections) {
    if (s.length > budget) break;
    contributed.push(...s);
    budget -= s.length;
  }
  return { type: 'home', blocks: [...head, ...contributed, ...own] };
}
