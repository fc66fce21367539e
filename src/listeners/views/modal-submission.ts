import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';

export type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

const metadataSchema = z.object({ id: z.string().min(1), version: z.number().int() });

/** The draft a modal was opened on, and the text of each input by block id. */
export function parseSubmission(args: SubmitArgs) {
  const meta = metadataSchema.parse(JSON.parse(args.view.private_metadata || '{}'));
  const values: Record<string, string | undefined> = {};
  for (const [block, actions] of Object.entries(args.view.state.values)) {
    values[block] = actions.value?.value ?? undefined;
  }
  return { ...meta, user: args.body.user.id, values };
}
