import type { KnownBlock } from '@slack/types';
import { mrkdwnLink } from '../../blocks/mrkdwn.ts';
import { opportunityLabel } from '../../domain/opportunity.ts';
import type { ProposalRecord } from '../../domain/proposal.ts';
import { homeSectionsCopy } from '../../i18n/home-sections.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { OpportunityRecord } from '../../store/opportunity-store.ts';

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});
/** With leads on, the opportunities and drafts point to the funnel they feed (issue 22). */
const toFunnel = (locale: Locale, leads: boolean): KnownBlock[] =>
  leads ? [context(homeSectionsCopy(locale).toFunnel)] : [];
const link = (url: string, title: string) => mrkdwnLink(url, title.slice(0, 120));

/** App Home: opportunities first seen since the user's last visit. */
export function renderNewOpportunities(
  locale: Locale,
  items: OpportunityRecord[],
  firstVisit: boolean,
  leads = false,
): KnownBlock[] {
  const copy = homeSectionsCopy(locale);
  const lines = items.map(
    (o) => `• ${link(o.url, o.title)} · ${o.project} · ${copy.score(Math.round(o.score))}`,
  );
  return [
    section(`*${firstVisit ? copy.opportunitiesTitle : copy.newOpportunitiesTitle}*`),
    section(lines.length > 0 ? lines.join('\n') : copy.noNewOpportunities),
    ...toFunnel(locale, leads),
  ];
}

/** App Home: drafts waiting for a decision, with a link to each message. */
export function renderAwaitingApproval(
  locale: Locale,
  drafts: ProposalRecord[],
  leads = false,
): KnownBlock[] {
  const copy = homeSectionsCopy(locale);
  const lines = drafts.map(
    (d) =>
      `• ${link(d.issueUrl, d.issueTitle || opportunityLabel(d.opportunityId))} · <#${d.channel}> · ${copy.hours(d.hours)}`,
  );
  return [
    section(`*${copy.awaitingTitle}*`),
    section(lines.length > 0 ? lines.join('\n') : copy.noneAwaiting),
    ...toFunnel(locale, leads),
  ];
}
