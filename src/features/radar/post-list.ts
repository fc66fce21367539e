import { randomUUID } from 'node:crypto';
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import type { RadarFilters } from '../../domain/parse-gigs-command.ts';
import { radarCopy } from '../../i18n/radar.ts';
import type { SubcommandHandler } from '../../listeners/commands/gigs.ts';
import { cannotPost, postOnce } from '../../slack/post-once.ts';
import { findOpportunities, type RadarMemory } from './find-opportunities.ts';
import { renderOpportunities } from './opportunity-blocks.ts';
import { describeRadarProblem } from './radar-problem.ts';

// Errors after which the list can still be shown privately through response_url.

/**
 * `/gigs` and More: find a page, render it and post it as a normal message in
 * the channel (proposal drafts thread under it), remembering where it went.
 * A bot not in the channel shows it privately instead, and says how to fix that.
 */
export async function postOpportunities(
  deps: Deps,
  target: { channel: string; client: WebClient; respond: RespondFn },
  filters: RadarFilters,
  offset: number,
  memory?: RadarMemory,
): Promise<void> {
  const { locale, timezone } = deps.config;
  let listing: Awaited<ReturnType<typeof findOpportunities>>;
  try {
    listing = await findOpportunities(deps, filters, offset, memory);
  } catch (error) {
    const text = describeRadarProblem(error, locale, timezone);
    if (!text) throw error;
    deps.logger.warn({ err: error }, 'radar: GitHub failed');
    await target.respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  const message = renderOpportunities(listing, locale, deps.now());
  if (listing.items.length === 0) {
    await target.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  try {
    // One list per /gigs, even when Slack answers late (postOnce).
    const res = await postOnce({
      poster: deps.slackPost ?? target.client,
      reader: target.client,
      channel: target.channel,
      marker: { type: 'gigops_list', id: randomUUID() },
      since: new Date(Date.now() - 60_000),
      message: { ...message, unfurl_links: false, unfurl_media: false },
    });
    if (res.ts) {
      await deps.store.opportunities.markListed(
        listing.items.map((o) => o.id),
        target.channel,
        res.ts,
      );
    }
  } catch (error) {
    // Not invited (or the channel is gone): the list goes to the asker alone.
    if (!cannotPost(error)) throw error;
    await target.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: [
        ...message.blocks,
        { type: 'context', elements: [{ type: 'mrkdwn', text: radarCopy(locale).notInChannel }] },
      ],
    });
  }
}

/** `/gigs [filters]`: the first page of the radar, posted in the channel. */
export const listOpportunities =
  (memory: RadarMemory): SubcommandHandler<'list'> =>
  (command, args, deps) =>
    postOpportunities(
      deps,
      { channel: args.command.channel_id, client: args.client, respond: args.respond },
      command.filters,
      0,
      memory,
    );
