import type { Deps } from '../../deps.ts';
import type { LeadRecord } from '../../domain/lead.ts';
import { checkContributing } from './check-contributing.ts';
import { planLeadUpdate } from './plan-lead-update.ts';
import { announceValidation, editLeadMessage, ensureLeadMessage, postNews } from './presenter.ts';
import type { PullDetails } from './pull-details.ts';

export type SyncDeps = Pick<
  Deps,
  'config' | 'store' | 'slack' | 'slackPost' | 'now' | 'instanceId' | 'logger' | 'github'
>;

export interface NewLeadInfo {
  origin: 'search' | 'watch';
  watchedBy?: string | undefined;
}

/** The listed opportunity a pull request closes, under today's id or the older unprefixed one. */
async function closedOpportunity(deps: SyncDeps, closes: string[]): Promise<string | undefined> {
  if (closes.length === 0) return undefined;
  const ids = [...closes, ...closes.map((id) => id.replace(/^github:/, ''))];
  const known = new Set((await deps.store.opportunities.getMany(ids)).map((o) => o.id));
  return ids.find((id) => known.has(id));
}

/**
 * One pull request brought in line with what GitHub says: the validation
 * (claimed once), the lead's message (posted once, or edited once when what it
 * shows changed), one thread reply per new event, the validation
 * announcement, and then what it now is in the store. A step that fails
 * throws; the next poll sees the same change and finishes the rest without
 * repeating what was done.
 */
export async function syncLead(
  deps: SyncDeps,
  prior: LeadRecord | undefined,
  d: PullDetails,
  extra: { etag?: string | undefined; isNew?: NewLeadInfo } = {},
): Promise<LeadRecord> {
  const now = deps.now();
  if (!prior) {
    const { patch, validation } = planLeadUpdate(undefined, d);
    const created = await deps.store.leads.create({
      ...patch,
      id: d.id,
      author: d.author,
      origin: extra.isNew?.origin ?? 'search',
      watchedBy: extra.isNew?.watchedBy,
      opportunityId: await closedOpportunity(deps, d.closes),
      contributing: await checkContributing(deps, d.repo),
      prCreatedAt: new Date(d.createdAt),
      lastEventAt: patch.lastEventAt,
      firstReplyAt: patch.firstReplyAt,
      mergedAt: patch.mergedAt,
      etag: extra.etag,
      firstSeenAt: now,
    });
    // Recorded meanwhile by someone else (the poll and a watch met): go on from theirs.
    if (!created) return syncLead(deps, await deps.store.leads.get(d.id), d, { etag: extra.etag });
    return finishNew(deps, created, validation);
  }
  const plan = planLeadUpdate(prior, d);
  const opportunityId = prior.opportunityId ?? (await closedOpportunity(deps, d.closes));
  const contributing =
    prior.repo !== d.repo ? await checkContributing(deps, d.repo) : prior.contributing;
  let lead: LeadRecord = { ...prior, ...plan.patch, opportunityId, contributing };
  lead = await validate(deps, lead, plan.validation);
  const fresh = !lead.ts;
  lead = await ensureLeadMessage(deps, lead);
  if (!lead.ts) return lead;
  for (const news of plan.news) {
    // The event that validates the lead is told by the announcement, not twice.
    const validating =
      lead.validation &&
      ((news.kind === 'event' && news.event.url === lead.validation.url) ||
        (news.kind === 'merged' && lead.validation.kind === 'merged'));
    if (!(validating && !prior.validationTs)) await postNews(deps, lead, news);
  }
  await announceValidation(deps, lead);
  if (!fresh && plan.changed) await editLeadMessage(deps, lead);
  // Stored last: if Slack failed above, the next poll sees the same change and finishes
  // it (postOnce finds the replies already made).
  await deps.store.leads.update(
    prior.id,
    { ...plan.patch, opportunityId, contributing, ...(extra.etag ? { etag: extra.etag } : {}) },
    now,
  );
  return (await deps.store.leads.get(lead.id)) ?? lead;
}

/** A lead seen for the first time: its history is not news; a validation is announced. */
async function finishNew(
  deps: SyncDeps,
  created: LeadRecord,
  validation: LeadRecord['validation'],
) {
  let lead = await validate(deps, created, validation);
  lead = await ensureLeadMessage(deps, lead);
  await announceValidation(deps, lead);
  return (await deps.store.leads.get(lead.id)) ?? lead;
}

/** Claims the validation (one caller wins); the lead with the validation the store then has. */
async function validate(
  deps: SyncDeps,
  lead: LeadRecord,
  validation: LeadRecord['validation'],
): Promise<LeadRecord> {
  if (!validation || lead.validatedAt) return lead;
  await deps.store.leads.claimValidation(lead.id, validation, deps.now());
  const stored = await deps.store.leads.get(lead.id);
  if (!stored) return lead;
  const { validatedAt, validationTs, ts, channel } = stored;
  return { ...lead, validatedAt, validation: stored.validation, validationTs, ts, channel };
}
