import { escapeMrkdwn, mrkdwnLink } from '../../blocks/mrkdwn.ts';
import type { LeadRecord } from '../../domain/lead.ts';
import { isGigopsError } from '../../errors.ts';
import { leadCopy } from '../../i18n/leads.ts';
import { funnelCopy } from '../../i18n/leads-funnel.ts';
import { cannotPost, PostNotConfirmed } from '../../slack/post-once.ts';
import { fetchPull } from './github-pulls.ts';
import { commercialLine } from './lead-blocks.ts';
import { fetchPullDetails, type PullDetails } from './pull-details.ts';
import { type SyncDeps, syncLead } from './sync-lead.ts';

export interface WatchRequest {
  owner: string;
  repo: string;
  number: number;
  user: string;
}

/**
 * `/gigs leads watch <url>`: one more pull request followed as a lead, in any
 * repository. Its message goes to `leads.channel` (once, however many times
 * it is asked for); the answer says where, and what the repository's
 * CONTRIBUTING says about a commercial line. Every failure is an answer that
 * says what to do, and nothing half-made is kept.
 */
export async function watchPull(deps: SyncDeps, w: WatchRequest): Promise<string> {
  const copy = leadCopy(deps.config.locale);
  const channel = deps.config.leads!.channel;
  const name = `${w.owner}/${w.repo}#${w.number}`;
  const ref = escapeMrkdwn(name);
  const link = (url: string) => mrkdwnLink(url, name);
  const now = deps.now();
  if (!deps.config.env.GITHUB_TOKEN) return funnelCopy(deps.config.locale).noToken;
  let details: PullDetails | null | undefined;
  let etag: string | undefined;
  try {
    const pull = await fetchPull(deps.github, w, undefined, now);
    if (pull === 'gone' || pull === 'unchanged') return copy.notFound(ref);
    etag = pull.etag;
    const known = await deps.store.leads.get(pull.nodeId);
    if (known?.ts) return `${copy.already(link(known.url), channel)}\n${commercial(deps, known)}`;
    await fetchPullDetails(deps.github, [pull.nodeId], now, async (found) => {
      details = found.get(pull.nodeId);
    });
  } catch (error) {
    if (!isGigopsError(error)) throw error;
    deps.logger.warn({ err: error }, '/gigs leads watch: GitHub failed');
    return copy.githubProblem(escapeMrkdwn(error.message));
  }
  if (!details) return copy.notFound(ref);
  const d = details;
  try {
    const prior = await deps.store.leads.get(d.id);
    const lead = await syncLead(deps, prior, d, {
      etag,
      isNew: { origin: 'watch', watchedBy: w.user },
    });
    if (!lead.ts) return copy.notPosted(channel);
    return `${copy.watching(link(lead.url), channel)}\n${commercial(deps, lead)}`;
  } catch (error) {
    const refused = cannotPost(error);
    if (refused) return copy.cannotPost(channel, refused);
    if (error instanceof PostNotConfirmed) return copy.notPosted(channel);
    if (isGigopsError(error)) return copy.githubProblem(escapeMrkdwn(error.message));
    throw error;
  }
}

const commercial = (deps: SyncDeps, lead: LeadRecord) =>
  lead.contributing ? commercialLine(lead.contributing, deps.config.locale) : '';
