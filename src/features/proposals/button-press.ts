import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { z } from 'zod';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

const pressSchema = z.object({
  user: z.object({ id: z.string() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ message_ts: z.string().optional(), channel_id: z.string().optional() }),
  trigger_id: z.string(),
});

/** The parts of a button press our handlers read, parsed at the edge. */
export function parsePress(args: ButtonArgs) {
  const body = pressSchema.parse(args.body);
  return {
    value: args.action.value ?? '',
    user: body.user.id,
    channel: body.channel?.id ?? body.container.channel_id ?? '',
    messageTs: body.container.message_ts,
    triggerId: body.trigger_id,
  };
}
