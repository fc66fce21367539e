import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { escapeMrkdwn, mrkdwnLink } from '../../blocks/mrkdwn.ts';
import type { SlackMessage } from '../../blocks/usage.ts';
import type { Opportunity } from '../../domain/opportunity.ts';
import { echoInput, MAX_FILTERS_CHARS } from '../../domain/parse-gigs-command.ts';
import type { Locale } from '../../i18n/locale.ts';
import { radarCopy } from '../../i18n/radar.ts';
import { daysBetween } from './score-opportunity.ts';

export interface OpportunityListing {
  items: Array<Opportunity & { seen: boolean }>;
  /** Index of the first item in the whole ranked list. */
  offset: number;
  total: number;
  /** The `/gigs` filter text ('' for none). */
  filters: string;
  /** Where More continues; undefined on the last page. */
  nextOffset: number | undefined;
}

/** What the More button carries: the filter text and where the next page starts. */
export interface MoreValue {
  f: string;
  o: number;
}

export const ENTRY_BLOCK = 'opp:';
export const ENTRY_ACTIONS_BLOCK = 'opp-actions:';
export const MORE_BLOCK = 'radar-more';

const MAX_TITLE = 150;
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
// mrkdwn needs &, < and > escaped; issue titles contain all three.
const esc = escapeMrkdwn;
/** The filter text as typed (or carried by More): clipped and escaped, since it is input. */
const echoFilters = (filters: string) => echoInput(filters, MAX_FILTERS_CHARS);

/** The facts line of an opportunity, shared by Slack and the terminal: stars, comments, age, maintainer, bounty. */
export function opportunityFacts(o: Opportunity, locale: Locale, now: Date): string[] {
  const copy = radarCopy(locale);
  const facts = [
    copy.stars(o.stars),
    copy.comments(o.comments),
    copy.opened(daysBetween(o.createdAt, now)),
    o.lastMaintainerReplyAt
      ? copy.maintainerReplied(daysBetween(o.lastMaintainerReplyAt, now))
      : copy.noMaintainer,
  ];
  if (o.bounty) facts.push(copy.bounty(o.bounty.amount, o.bounty.currency));
  return facts;
}

/** One entry: title linked, facts on one line, why (the reasons) on the next, two buttons. */
function renderEntry(
  o: Opportunity & { seen: boolean },
  locale: Locale,
  now: Date,
  showSeen: boolean,
): KnownBlock[] {
  const copy = radarCopy(locale);
  const facts = opportunityFacts(o, locale, now);
  const labels = o.labels
    .slice(0, 5)
    .map((l) => `\`${esc(clip(l, 40))}\``)
    .join(' ');
  const seen = showSeen && o.seen ? ` _(${copy.seen})_` : '';
  const lines = [
    `*${mrkdwnLink(o.url, o.label)}* ${esc(clip(o.title, MAX_TITLE))}${seen}`,
    `${facts.join(' · ')}${labels ? `  ${labels}` : ''}`,
    `*${copy.why}:* ${o.reasons.map(copy.reason).join(', ')}`,
  ];
  const button = (text: string, action_id: string, style?: 'primary'): Button => ({
    type: 'button',
    text: { type: 'plain_text', text },
    action_id,
    value: o.id,
    ...(style ? { style } : {}),
  });
  return [
    {
      type: 'section',
      block_id: `${ENTRY_BLOCK}${o.id}`,
      text: { type: 'mrkdwn', text: lines.join('\n') },
    },
    {
      type: 'actions',
      block_id: `${ENTRY_ACTIONS_BLOCK}${o.id}`,
      elements: [
        button(copy.draft, 'opportunity_draft', 'primary'),
        button(copy.dismiss, 'opportunity_dismiss'),
      ],
    },
  ];
}

/** `/gigs` and More: a condensed page of ranked opportunities. */
export function renderOpportunities(
  listing: OpportunityListing,
  locale: Locale,
  now: Date,
): SlackMessage {
  const copy = radarCopy(locale);
  const { items, offset, total, filters } = listing;
  if (items.length === 0) {
    const text = offset > 0 ? copy.noMore : copy.nothingMatches(echoFilters(filters));
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const summary = [copy.range(offset + 1, offset + items.length, total)];
  if (filters) summary.push(copy.filtered(echoFilters(filters)));
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      // What the range counts, so a Dismiss can count it again (withoutOpportunity).
      block_id: `${SUMMARY_BLOCK}${offset}:${items.length}:${total}`,
      elements: [{ type: 'mrkdwn', text: `*${copy.title}* · ${summary.join(' · ')}` }],
    },
  ];
  for (const o of items) blocks.push(...renderEntry(o, locale, now, true));
  if (listing.nextOffset !== undefined) {
    const value: MoreValue = { f: filters, o: listing.nextOffset };
    const more: ActionsBlock = {
      type: 'actions',
      block_id: MORE_BLOCK,
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: copy.more },
          action_id: 'opportunity_more',
          value: JSON.stringify(value).slice(0, 2000),
        },
      ],
    };
    blocks.push(more);
  }
  const text = `${copy.title}: ${esc(items.map((o) => o.id).join(', '))}`;
  return { text: clip(text, 3000), blocks };
}

/** The scheduled digest: only new ones, no "seen" marks and no More. */
export function renderDigest(items: Opportunity[], locale: Locale, now: Date): SlackMessage {
  const copy = radarCopy(locale);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: copy.digestTitle(items.length) } },
  ];
  for (const o of items) blocks.push(...renderEntry({ ...o, seen: false }, locale, now, false));
  return { text: copy.digestTitle(items.length), blocks };
}

/** The listing after Dismiss: the entry's blocks replaced by one quiet line. */
export function withoutOpportunity(
  blocks: readonly KnownBlock[],
  id: string,
  locale: Locale,
): KnownBlock[] {
  const out: KnownBlock[] = [];
  const listed = blocks.some((b) => b.block_id === `${ENTRY_BLOCK}${id}`);
  for (const b of blocks) {
    if (listed && b.block_id?.startsWith(SUMMARY_BLOCK) && b.type === 'context') {
      out.push(recount(b, locale));
    } else if (b.block_id === `${ENTRY_BLOCK}${id}`) {
      out.push({
        type: 'context',
        block_id: `dismissed:${id}`,
        elements: [{ type: 'mrkdwn', text: radarCopy(locale).dismissed(esc(id)) }],
      });
    } else if (b.block_id !== `${ENTRY_ACTIONS_BLOCK}${id}`) {
      out.push(b);
    }
  }
  return out;
}

const SUMMARY_BLOCK = 'summary:';

/**
 * The listing once an entry got its draft: its buttons give way to one line
 * saying where the draft is (in the thread below, or in a channel).
 */
export function withDraftPosted(
  blocks: readonly KnownBlock[],
  id: string,
  locale: Locale,
  where: { channel: string } | 'thread',
): KnownBlock[] | undefined {
  if (!blocks.some((b) => b.block_id === `${ENTRY_ACTIONS_BLOCK}${id}`)) return undefined;
  const copy = radarCopy(locale);
  const text = where === 'thread' ? copy.draftInThread : copy.draftInChannel(where.channel);
  return blocks.map((b) =>
    b.block_id === `${ENTRY_ACTIONS_BLOCK}${id}`
      ? { type: 'context', block_id: `drafted:${id}`, elements: [{ type: 'mrkdwn', text }] }
      : b,
  );
}

/** The listing's header after one entry left it: "1–4 of 5" where it said "1–5 of 6". */
function recount(block: KnownBlock & { type: 'context' }, locale: Locale): KnownBlock {
  const [offset, count, total] = (block.block_id ?? '')
    .slice(SUMMARY_BLOCK.length)
    .split(':')
    .map(Number) as [number, number, number];
  if (![offset, count, total].every(Number.isInteger) || count < 1) return block;
  const copy = radarCopy(locale);
  const before = copy.range(offset + 1, offset + count, total);
  const after = count > 1 ? copy.range(offset + 1, offset + count - 1, total - 1) : copy.noneLeft;
  const [first, ...rest] = block.elements;
  const text = first && 'text' in first && typeof first.text === 'string' ? first.text : '';
  return {
    ...block,
    block_id: `${SUMMARY_BLOCK}${offset}:${count - 1}:${total - 1}`,
    elements: [{ type: 'mrkdwn', text: text.replace(before, after) }, ...rest],
  };
}

/** The listing after More: the same, minus its More button (the next page follows). */
export const withoutMore = (blocks: readonly KnownBlock[]): KnownBlock[] =>
  blocks.filter((b) => b.block_id !== MORE_BLOCK);
