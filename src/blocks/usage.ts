import type { KnownBlock } from '@slack/types';
import { commonCopy } from '../i18n/common.ts';
import type { Locale } from '../i18n/locale.ts';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** `/gigs help`, and the answer to anything that does not parse. */
export function renderUsage(locale: Locale, problem?: string): SlackMessage {
  const copy = commonCopy(locale);
  const blocks: KnownBlock[] = [];
  if (problem)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: copy.usageProblem(problem) } });
  blocks.push(
    { type: 'header', text: { type: 'plain_text', text: copy.usageTitle } },
    { type: 'section', text: { type: 'mrkdwn', text: copy.usageLines.join('\n') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: copy.example }] },
  );
  const text = problem ? `${copy.usageProblem(problem)} — ${copy.usageTitle}` : copy.usageTitle;
  return { text, blocks };
}
