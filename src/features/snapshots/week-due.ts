import type { ClientConfig } from '../../config.ts';
import type { SlotRecord } from '../../store/store.ts';
import { deliveryDue } from './deliveries.ts';
import { EMAIL_CHANNEL, EMAIL_LEASE_MS, emailOn, type MailDeps } from './email-report.ts';
import { PDF_CHANNEL, PDF_LEASE_MS } from './pdf-reply.ts';
import { snapshotJob } from './post-week-report.ts';

/** What of a client's week is still to go out, from the store alone (no Notion, no report). */
export interface WeekDue {
  /** The Slack post's slot, when claimed: its `result` is the post's ts once done. */
  slack: SlotRecord | undefined;
  email: boolean;
  /** The PDF in the post's thread: due only once the post is there. */
  pdf: boolean;
}

export async function weekDue(
  deps: MailDeps,
  client: ClientConfig,
  week: string,
): Promise<WeekDue> {
  const slack = await deps.store.jobs.getSlot(snapshotJob(client.id), week);
  const key = (channel: string) => ({ clientId: client.id, week, channel });
  const email =
    emailOn(deps, client) && (await deliveryDue(deps, key(EMAIL_CHANNEL), EMAIL_LEASE_MS));
  const pdf =
    client.snapshot.pdf &&
    !!slack?.completedAt &&
    !!slack.result &&
    (await deliveryDue(deps, key(PDF_CHANNEL), PDF_LEASE_MS));
  return { slack, email, pdf };
}
