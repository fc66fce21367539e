import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../blocks/usage.ts';
import { formatMoney } from '../../domain/money.ts';
import { funnelCopy } from '../../i18n/leads-funnel.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Funnel, StepCount } from './funnel.ts';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: text.slice(0, 3000) },
});
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});

export interface FunnelView {
  locale: Locale;
  channel: string;
  /** Admins see won amounts; others see counts only. */
  money: boolean;
  notes: string[];
}

/** `listed 40 → drafted 8 (20%) → …`: each step with its share of the one before. */
function stepsLine(steps: StepCount[], locale: Locale): string {
  const copy = funnelCopy(locale);
  return steps
    .map((s) => {
      const rate = s.rate === undefined ? '' : ` (${Math.round(s.rate * 100)}%)`;
      return `${copy.steps[s.step]} *${s.count}*${rate}`;
    })
    .join(' → ');
}

/** `/gigs leads`: counts and conversion by source, reply times, merge rate, won per month. */
export function renderFunnel(f: Funnel, v: FunnelView): SlackMessage {
  const copy = funnelCopy(v.locale);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: copy.title } },
    section(copy.following(f.open, v.channel)),
  ];
  for (const s of f.sources)
    blocks.push(section(`*${copy.source(s.source)}*\n${stepsLine(s.steps, v.locale)}`));
  if (f.direct[0]!.count > 0)
    blocks.push(section(`*${copy.direct}*\n${stepsLine(f.direct, v.locale)}`));
  if (f.total === 0) blocks.push(section(copy.empty));
  const median =
    f.medianReplyDays === undefined
      ? copy.noReplies
      : copy.medianReply(f.medianReplyDays.toFixed(1), f.replied);
  const merge =
    f.total > 0 ? copy.mergeRate(f.merged, f.total, Math.round((f.merged / f.total) * 100)) : '';
  blocks.push(section([median, merge].filter(Boolean).join('\n')));
  if (!v.money) blocks.push(context(copy.moneyAdminsOnly));
  else if (f.wonByMonth.length === 0) blocks.push(section(`${copy.wonTitle}\n${copy.noWon}`));
  else
    blocks.push(
      section(
        `${copy.wonTitle}\n${f.wonByMonth
          .slice(0, 12)
          .map((m) => copy.wonMonth(m.month, formatMoney(m.amount, m.currency, v.locale), m.count))
          .join('\n')}`,
      ),
    );
  for (const note of v.notes) blocks.push(context(note));
  return { text: copy.title, blocks };
}

/** The App Home's lines about leads: counts, this month's won amount for admins, the command. */
export function renderLeadsHome(
  f: Funnel,
  v: { locale: Locale; money: boolean; month: string },
): KnownBlock[] {
  const copy = funnelCopy(v.locale);
  const lines = [copy.homeLine(f.open, f.validated, f.won)];
  const thisMonth = f.wonByMonth.filter((m) => m.month === v.month);
  if (v.money && thisMonth.length > 0)
    lines.push(
      copy.homeMoney(thisMonth.map((m) => formatMoney(m.amount, m.currency, v.locale)).join(' + ')),
    );
  return [section(`${copy.homeTitle}\n${lines.join('\n')}`), context(copy.homeHint)];
}
