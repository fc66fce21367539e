import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import { postOnce } from '../../slack/post-once.ts';
import { type RadarMemory, rankOpportunities } from './find-opportunities.ts';
import { renderDigest } from './opportunity-blocks.ts';

/** The metadata event type marking a digest post. */
export const DIGEST_MARKER = 'gigops_digest';

export interface DigestOutcome {
  posted: string[];
  ts: string | undefined;
}

/**
 * How long a digest's claim (its slot, its items) belongs to its replica. A
 * post takes seconds; an older unfinished claim means the replica died, and
 * the next slot may claim and post those items.
 */
export const DIGEST_LEASE_MS = 15 * 60_000;

/**
 * The scheduled digest: the best opportunities never posted by a digest
 * before, up to `radar.pageSize`; nothing new → nothing posted. Items are
 * claimed in the store before posting (so replicas never double-post), marked
 * posted once Slack has the post, and given back if the post fails (so the
 * next slot posts them). A claim whose replica died lapses after
 * DIGEST_LEASE_MS; if the post had landed just before, it shows up twice.
 */
/** `slack` posts (Deps.slackPost in production); `deps.slack` looks. */
export async function postDigest(
  deps: Deps,
  slack: WebClient,
  memory?: RadarMemory,
): Promise<DigestOutcome> {
  const digest = deps.config.radar.digest;
  if (!digest) return { posted: [], ts: undefined };
  const open = await rankOpportunities(deps, { words: [], labels: [] }, memory);
  const records = new Map(
    (await deps.store.opportunities.getMany(open.map((o) => o.id))).map((r) => [r.id, r]),
  );
  const fresh = open.filter((o) => !records.get(o.id)?.postedInDigestAt);
  const claimed = await claimPage(
    deps,
    fresh.map((o) => o.id),
    deps.config.radar.pageSize,
  );
  const items = fresh.filter((o) => claimed.has(o.id));
  if (items.length === 0) return { posted: [], ts: undefined };
  let ts: string | undefined;
  try {
    // Once, even when Slack answers late or not at all (postOnce looks first).
    const posted = await postOnce({
      poster: slack,
      reader: deps.slack,
      channel: digest.channel,
      marker: { type: DIGEST_MARKER, id: randomUUID() },
      // Slack's clock, not the bot's (tests move that): a minute before this try.
      since: new Date(Date.now() - 60_000),
      message: { ...renderDigest(items, deps.config.locale, deps.now()), unfurl_links: false },
    });
    ts = posted.ts;
  } catch (error) {
    await deps.store.opportunities.releaseDigest([...claimed], deps.instanceId);
    throw error;
  }
  const ids = items.map((o) => o.id);
  await deps.store.opportunities.markPostedInDigest(ids, deps.now());
  if (ts) await deps.store.opportunities.markListed(ids, digest.channel, ts);
  return { posted: ids, ts };
}

/** Claims up to `limit` of the candidates, best first, reading past those another digest holds. */
async function claimPage(deps: Deps, candidates: string[], limit: number): Promise<Set<string>> {
  const claimed = new Set<string>();
  let next = 0;
  while (claimed.size < limit && next < candidates.length) {
    const batch = candidates.slice(next, next + limit - claimed.size);
    next += batch.length;
    const mine = await deps.store.opportunities.claimForDigest(
      batch,
      deps.instanceId,
      deps.now(),
      DIGEST_LEASE_MS,
    );
    for (const id of mine) claimed.add(id);
  }
  return claimed;
}
