import type { BlockButtonAction } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { parseGigsCommand } from '../../domain/parse-gigs-command.ts';
import type { Listeners } from '../../slack/listeners.ts';
import type { RadarMemory } from './find-opportunities.ts';
import { withoutMore } from './opportunity-blocks.ts';
import { postOpportunities } from './post-list.ts';

const moreValue = z.object({ f: z.string(), o: z.number().int().nonnegative() });

/** More: the next page, as a new message; the old one loses its More button. */
export function registerOpportunityMore(app: Listeners, deps: Deps, memory: RadarMemory): void {
  app.action<BlockButtonAction>(
    'opportunity_more',
    async ({ ack, action, body, client, respond }) => {
      const value = action.value ?? '';
      const message = body.message;
      const channel = String(body.channel?.id ?? body.container?.channel_id);
      await ack();
      const parsed = moreValue.safeParse(safeJson(value));
      const command = parsed.success ? parseGigsCommand(parsed.data.f) : undefined;
      if (!parsed.success || command?.kind !== 'list') {
        deps.logger.warn({ value }, 'opportunity_more with a malformed value');
        return;
      }
      if (message?.blocks) {
        await respond({
          replace_original: true,
          text: message.text ?? '',
          blocks: withoutMore(message.blocks as KnownBlock[]),
        });
      }
      await postOpportunities(
        deps,
        { channel, client, respond },
        command.filters,
        parsed.data.o,
        memory,
      );
    },
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
