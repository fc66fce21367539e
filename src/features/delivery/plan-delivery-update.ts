import type { DeliveryConfig } from '../../config.ts';
import type { DeliveryItem } from '../../domain/delivery-item.ts';
import type { DeliveryPropertyKinds } from '../../domain/delivery-schema.ts';
import type { CiConclusion, PullRequestSnapshot } from '../../domain/pull-request.ts';
import { mapPullRequestStatus } from './map-pull-request-status.ts';

/** What GitHub says the item should show; undefined fields are left alone. */
export interface DesiredDelivery {
  status: string;
  pr: string;
  /** Sorted logins: requested reviewers and approvers. */
  reviewers: string[] | undefined;
  /** Merge time, ISO-8601. */
  date: string | undefined;
  qa: CiConclusion | undefined;
}

/** The properties to write; an empty object means Notion already shows it. */
export interface DeliveryChange {
  status?: string;
  pr?: string;
  reviewer?: { text: string; people: string[] };
  date?: string;
  qa?: string;
}

export function desiredDelivery(
  pr: PullRequestSnapshot,
  statusMap: DeliveryConfig['notion']['statusMap'],
): DesiredDelivery {
  const reviewers =
    pr.approvers === undefined
      ? undefined
      : [...new Set([...pr.requestedReviewers, ...pr.approvers])].sort();
  return {
    status: mapPullRequestStatus(pr.state, statusMap),
    pr: pr.url,
    reviewers,
    date: pr.state === 'merged' ? pr.mergedAt : undefined,
    qa: pr.qa,
  };
}

/** A stable text of the desired state, remembered per item to skip unchanged ones. */
export const desiredKey = (d: DesiredDelivery) =>
  JSON.stringify([d.status, d.pr, d.reviewers ?? null, d.date ?? null, d.qa ?? null]);

const sameInstant = (a: string, b: string) => {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isNaN(x) || Number.isNaN(y) ? a === b : x === y;
};

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/**
 * Only the properties whose value differs from what the item shows. People
 * are compared by Notion user id (logins without a `people` entry are dropped).
 */
export function planDeliveryUpdate(
  item: DeliveryItem,
  desired: DesiredDelivery,
  kinds: Pick<DeliveryPropertyKinds, 'reviewer'>,
  people: Record<string, string>,
): DeliveryChange {
  const change: DeliveryChange = {};
  if (item.status !== desired.status) change.status = desired.status;
  if (item.prUrl !== desired.pr) change.pr = desired.pr;
  if (desired.reviewers !== undefined) {
    const text = desired.reviewers.join(', ');
    const ids = desired.reviewers.flatMap((login) => (people[login] ? [people[login]] : []));
    const same =
      kinds.reviewer === 'people' ? sameSet(item.reviewerIds, ids) : (item.reviewer ?? '') === text;
    if (!same) change.reviewer = { text, people: ids };
  }
  if (desired.date !== undefined && !(item.date && sameInstant(item.date.start, desired.date)))
    change.date = desired.date;
  if (desired.qa !== undefined && item.qa !== desired.qa) change.qa = desired.qa;
  return change;
}
