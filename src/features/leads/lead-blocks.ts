import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mrkdwnLink } from '../../blocks/mrkdwn.ts';
import type { SlackMessage } from '../../blocks/usage.ts';
import type { ContributingCheck, LeadRecord, LeadValidation } from '../../domain/lead.ts';
import { formatMoney } from '../../domain/money.ts';
import { leadCopy } from '../../i18n/leads.ts';
import type { Locale } from '../../i18n/locale.ts';
import { isMaintainer } from './lead-signals.ts';
import type { LeadNews } from './plan-lead-update.ts';

/** Slack identifiers (PRODUCT.md): the won button; the markers postOnce finds posts by. */
export const LEAD_WON_ACTION = 'lead_won';
export const LEAD_MARKER = 'gigops_lead';
export const LEAD_EVENT_MARKER = 'gigops_lead_event';
export const LEAD_VALIDATED_MARKER = 'gigops_lead_validated';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: text.slice(0, 3000) },
});

/** Untrusted words on one line, clipped and escaped: never a mention, a ping or a link. */
export const words = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeMrkdwn(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
};

/** Untrusted words as a quote block, each line escaped. */
export const quote = (text: string, max = 600) => {
  const clipped = text.trim().length > max ? `${text.trim().slice(0, max - 1)}…` : text.trim();
  return clipped
    .split(/\r?\n/)
    .filter((line, i, all) => line.trim() !== '' || (i > 0 && i < all.length - 1))
    .slice(0, 12)
    .map((line) => `> ${escapeMrkdwn(line)}`)
    .join('\n');
};

/** A date each reader sees in their own zone; `format` holds Slack's tokens ({ago}…). */
const slackDate = (iso: string | Date, format: string) => {
  const at = new Date(iso);
  return `<!date^${Math.floor(at.getTime() / 1000)}^${format}|${at.toISOString().slice(0, 10)}>`;
};

export const leadRef = (l: Pick<LeadRecord, 'repo' | 'number'>) => `${l.repo}#${l.number}`;

/** How long validation took, from the pull request's opening. */
export const tookText = (
  lead: Pick<LeadRecord, 'prCreatedAt'>,
  v: LeadValidation,
  locale: Locale,
) => leadCopy(locale).duration((new Date(v.at).getTime() - lead.prCreatedAt.getTime()) / 60_000);

/** What CONTRIBUTING says about a commercial line, plainly; the quote is the file's own words. */
export function commercialLine(c: ContributingCheck, locale: Locale): string {
  const copy = leadCopy(locale).commercial;
  return c.verdict === 'unknown'
    ? copy.unknown(words(c.problem ?? '?', 120))
    : copy[c.verdict](escapeMrkdwn(c.path ?? ''), words(c.quote ?? '', 240));
}

/** A lead's one message, edited in place as it changes. */
export function renderLead(lead: LeadRecord, locale: Locale): SlackMessage {
  const copy = leadCopy(locale);
  const f = lead.facts;
  const ref = escapeMrkdwn(leadRef(lead));
  const blocks: KnownBlock[] = [
    section(
      `*${mrkdwnLink(lead.url, f.title.slice(0, 200))}*\n${copy.byline(ref, escapeMrkdwn(lead.author), slackDate(lead.prCreatedAt, copy.opened))}`,
    ),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: [
            copy.state[lead.state],
            f.draft ? copy.draft : '',
            copy.ci[f.ci],
            copy.reviews(f.approvals, f.changesRequested),
          ]
            .filter(Boolean)
            .join(' · '),
        },
      ],
    },
    section(
      f.lastReply
        ? copy.lastReply(
            escapeMrkdwn(f.lastReply.login ?? copy.someone),
            slackDate(f.lastReply.at, '{date_short_pretty}'),
            words(f.lastReply.body),
          )
        : copy.noReply,
    ),
  ];
  if (lead.state === 'gone') blocks.push(section(copy.gone));
  if (lead.validation)
    blocks.push(
      section(
        copy.validated(copy.how[lead.validation.kind], tookText(lead, lead.validation, locale)),
      ),
    );
  if (lead.won)
    blocks.push(
      section(copy.won(formatMoney(lead.won.amount, lead.won.currency, locale), lead.won.by)),
    );
  if (lead.contributing)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: commercialLine(lead.contributing, locale) }],
    });
  if (lead.validatedAt && lead.state !== 'gone')
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: LEAD_WON_ACTION,
          text: { type: 'plain_text', text: copy.wonButton },
          value: lead.id,
          ...(lead.won ? {} : { style: 'primary' as const }),
        },
      ],
    });
  return { text: copy.fallback(leadRef(lead), f.title.slice(0, 200)), blocks };
}

/** One thread reply: a review, a maintainer's comment, the merge or the close. */
export function renderNews(news: LeadNews, author: string, locale: Locale): SlackMessage {
  const copy = leadCopy(locale);
  if (news.kind === 'merged') return { text: copy.merged, blocks: [section(copy.merged)] };
  if (news.kind === 'closed') return { text: copy.closed, blocks: [section(copy.closed)] };
  const e = news.event;
  const verb =
    e.kind === 'review' ? (copy.review[e.reviewState ?? ''] ?? copy.reviewed) : copy.commented;
  const head = copy.eventLine(escapeMrkdwn(e.login ?? copy.someone), isMaintainer(e, author), verb);
  const link = mrkdwnLink(e.url, '↗');
  const text = e.body.trim() ? `${head} ${link}\n${quote(e.body)}` : `${head} ${link}`;
  return { text: `${head}`, blocks: [section(text)] };
}

/** The validation, announced once in the lead's thread, with the maintainer's words. */
export function renderValidation(
  lead: LeadRecord,
  v: LeadValidation,
  locale: Locale,
): SlackMessage {
  const copy = leadCopy(locale);
  const took = tookText(lead, v, locale);
  const head =
    v.kind === 'merged'
      ? copy.announceMerged(took)
      : copy.announce(escapeMrkdwn(v.login ?? copy.someone), copy.announceVerb[v.kind], took);
  const text = v.body.trim() ? `${head} ${mrkdwnLink(v.url, '↗')}\n${quote(v.body)}` : head;
  return { text: head, blocks: [section(text)] };
}
