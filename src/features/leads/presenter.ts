import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import type { LeadRecord } from '../../domain/lead.ts';
import { leadCopy } from '../../i18n/leads.ts';
import { runExactlyOnce } from '../../scheduling/exactly-once.ts';
import { postOnce } from '../../slack/post-once.ts';
import {
  LEAD_EVENT_MARKER,
  LEAD_MARKER,
  LEAD_VALIDATED_MARKER,
  renderLead,
  renderNews,
  renderValidation,
} from './lead-blocks.ts';
import type { LeadNews } from './plan-lead-update.ts';

/**
 * The leads' only Slack caller. Posts go through postOnce with a marker per
 * post (the lead, each event, the validation), looking first: a post that
 * landed before a crash or on another replica is found, not made again.
 */
export type PresenterDeps = Pick<
  Deps,
  'config' | 'store' | 'slack' | 'slackPost' | 'now' | 'instanceId' | 'logger'
>;

const channelOf = (deps: PresenterDeps) => deps.config.leads!.channel;

/** A lead's message may take this long to post before another runner may try. */
const MESSAGE_LEASE_MS = 2 * 60_000;

/**
 * The lead's one message, posted if it has none yet. One runner at a time per
 * lead (the watch command and the poll may meet); the loser returns the lead
 * as it is and the winner's message stands.
 */
export async function ensureLeadMessage(
  deps: PresenterDeps,
  lead: LeadRecord,
): Promise<LeadRecord> {
  if (lead.ts) return lead;
  const outcome = await runExactlyOnce(
    deps,
    { job: 'lead:message', slot: lead.id, leaseMs: MESSAGE_LEASE_MS, mode: 'lock' },
    async () => {
      const stored = await deps.store.leads.get(lead.id);
      if (stored?.ts) return { value: { ...lead, channel: stored.channel, ts: stored.ts } };
      const posted = await postOnce({
        poster: deps.slackPost ?? deps.slack,
        reader: deps.slack,
        channel: channelOf(deps),
        marker: { type: LEAD_MARKER, id: lead.id },
        since: lead.firstSeenAt,
        lookFirst: true,
        message: { ...renderLead(lead, deps.config.locale), unfurl_links: false },
      });
      await deps.store.leads.setMessage(lead.id, posted.channel, posted.ts);
      return { value: { ...lead, channel: posted.channel, ts: posted.ts } };
    },
  );
  return outcome.ran ? outcome.value : lead;
}

/** The message redrawn from the lead as it now is: chat.update, which is idempotent. */
export async function editLeadMessage(deps: PresenterDeps, lead: LeadRecord): Promise<void> {
  if (!lead.ts || !lead.channel) return;
  await deps.slack.chat.update({
    channel: lead.channel,
    ts: lead.ts,
    ...renderLead(lead, deps.config.locale),
  });
}

const inThread = (
  deps: PresenterDeps,
  lead: LeadRecord,
  id: string,
  type: string,
  since: Date,
) => ({
  poster: deps.slackPost ?? deps.slack,
  reader: deps.slack,
  channel: lead.channel!,
  threadTs: lead.ts!,
  marker: { type, id },
  since,
  lookFirst: true,
});

/** One thread reply per event, found rather than posted again after a crash. */
export async function postNews(
  deps: PresenterDeps,
  lead: LeadRecord,
  news: LeadNews,
): Promise<void> {
  const key = news.kind === 'event' ? news.event.id : `${news.kind}:${news.at}`;
  const at = new Date(news.kind === 'event' ? news.event.at : news.at);
  await postOnce({
    ...inThread(deps, lead, `${lead.id}:${key}`, LEAD_EVENT_MARKER, minDate(at, deps.now())),
    message: { ...renderNews(news, lead.author, deps.config.locale), unfurl_links: false },
  });
}

/** The validation announcement: once per lead (the store claims it; postOnce finds a landed one). */
export async function announceValidation(deps: PresenterDeps, lead: LeadRecord): Promise<void> {
  if (!lead.validation || !lead.ts || lead.validationTs) return;
  const since = minDate(lead.validatedAt ?? deps.now(), new Date(lead.validation.at));
  const posted = await postOnce({
    ...inThread(deps, lead, lead.id, LEAD_VALIDATED_MARKER, since),
    message: {
      ...renderValidation(lead, lead.validation, deps.config.locale),
      unfurl_links: false,
    },
  });
  await deps.store.leads.setValidationTs(lead.id, posted.ts);
}

/** Said once per login in the leads channel: the configured login is unknown to GitHub. */
export async function postUnknownLogin(deps: PresenterDeps, login: string): Promise<void> {
  const text = leadCopy(deps.config.locale).loginUnknown(login);
  await postOnce({
    poster: deps.slackPost ?? deps.slack,
    reader: deps.slack,
    channel: channelOf(deps),
    marker: { type: 'gigops_leads_login', id: login },
    since: new Date(deps.now().getTime() - 86_400_000),
    lookFirst: true,
    message: { text },
  });
}

const minDate = (a: Date, b: Date) => (a < b ? a : b);

/** Opens a modal (Mark as won's amount): a trigger_id lives 3 s, so at once. */
export async function openModal(client: WebClient, triggerId: string, view: View): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view });
}
