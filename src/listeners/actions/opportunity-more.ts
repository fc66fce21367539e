import type { BlockButtonAction, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import { withoutMore } from '../../blocks/opportunities.ts';
import type { Deps } from '../../deps.ts';
import { parseGigsCommand } from '../../domain/parse-gigs-command.ts';
import type { Listeners } from '../../slack/router.ts';
import { postOpportunities } from '../commands/post-opportunities.ts';

const moreValue = z.object({ f: z.string(), o: z.number().int().nonnegative() });

/** More: the next page, as a new message; the old one loses its More button. */
export function registerOpportunityMore(app: Listeners, deps: Deps): void {
  app.action<BlockButtonAction>(
    'opportunity_more',
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const parsed = moreValue.safeParse(safeJson(action.value ?? ''));
      const command = parsed.success ? parseGigsCommand(parsed.data.f) : undefined;
      if (!parsed.success || command?.kind !== 'list') {
        deps.logger.warn({ value: action.value }, 'opportunity_more with a malformed value');
        return;
      }
      if (body.message?.blocks) {
        await respond({
          replace_original: true,
          text: body.message.text ?? '',
          blocks: withoutMore(body.message.blocks as KnownBlock[]),
        });
      }
      const channel = body.channel?.id ?? body.container?.channel_id;
      await postOpportunities(
        deps,
        { channel: String(channel), client, respond: respond as RespondFn },
        command.filters,
        parsed.data.o,
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
