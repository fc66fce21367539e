import type { WebClient } from '@slack/web-api';
import { renderDigest } from '../blocks/opportunities.ts';
import type { Deps } from '../deps.ts';
import { rankOpportunities } from './find-opportunities.ts';

export interface DigestOutcome {
  posted: string[];
  ts: string | undefined;
}

/**
 * The scheduled digest: the best opportunities never posted by a digest
 * before, up to `radar.pageSize`; nothing new → nothing posted. Items are
 * claimed in the store before posting (so replicas never double-post) and
 * given back if the post fails (so the next slot posts them).
 */
export async function postDigest(deps: Deps, slack: WebClient): Promise<DigestOutcome> {
  const digest = deps.config.radar.digest;
  if (!digest) return { posted: [], ts: undefined };
  const open = await rankOpportunities(deps, { words: [], labels: [] });
  const records = new Map(
    (await deps.store.opportunities.getMany(open.map((o) => o.id))).map((r) => [r.id, r]),
  );
  const fresh = open.filter((o) => !records.get(o.id)?.postedInDigestAt);
  const wanted = fresh.slice(0, deps.config.radar.pageSize).map((o) => o.id);
  const claimed = new Set(await deps.store.opportunities.claimForDigest(wanted, deps.now()));
  const items = fresh.filter((o) => claimed.has(o.id));
  if (items.length === 0) return { posted: [], ts: undefined };
  try {
    const res = await slack.chat.postMessage({
      channel: digest.channel,
      ...renderDigest(items, deps.config.locale, deps.now()),
      unfurl_links: false,
    });
    const ids = items.map((o) => o.id);
    if (res.ts) await deps.store.opportunities.markListed(ids, digest.channel, res.ts);
    return { posted: ids, ts: res.ts };
  } catch (error) {
    await deps.store.opportunities.releaseDigest([...claimed]);
    throw error;
  }
}
