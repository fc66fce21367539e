import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';

export type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

const metadataSchema = z.object({ id: z.string().min(1), version: z.number().int() });

/**
 * The draft a modal was opened on, and the text of each input by block id;
 * undefined when private_metadata is not ours (forged or from an old
 * version), so the caller answers inside the modal instead of failing.
 */
export function parseSubmission(args: SubmitArgs) {
  const meta = metadataSchema.safeParse(safeJson(args.view.private_metadata));
  if (!meta.success) return undefined;
  const values: Record<string, string | undefined> = {};
  for (const [block, actions] of Object.entries(args.view.state.values)) {
    values[block] = actions.value?.value ?? undefined;
  }
  return { ...meta.data, user: args.body.user.id, values };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}
