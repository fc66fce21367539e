import { createHash } from 'node:crypto';
import { type Candidate, opportunityId } from '../../domain/opportunity.ts';
import { ErrorCode, GigopsError } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import type { OpportunitySource } from '../source.ts';

/**
 * Job posts pasted into Slack (`/gigs propose` → the paste modal): Upwork and
 * the like cannot be fetched, so the post's text is what the user gives. A
 * post is an opportunity like any other (`post:<key>`, the key a digest of
 * its text, so pasting the same post twice finds its open draft), kept in the
 * store with its text and URL in `meta`. It is never listed by /gigs or the
 * digest: it has no title of its own, and search finds none.
 */
export const POST_SOURCE = 'post';

const KEY = /^[0-9a-f]{20}$/;

export interface PastedPost {
  /** The post's text as pasted (untrusted). */
  text: string;
  /** Where it was posted, when given (an http(s) URL, checked by the caller). */
  url: string | undefined;
}

interface PostPorts {
  store: Pick<Store, 'opportunities'>;
}

/** The same post (whitespace aside) is the same key. */
export function postKey(text: string): string {
  const normal = text.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normal).digest('hex').slice(0, 20);
}

/** Keeps a pasted post as an opportunity of this source; resolves with its id. */
export async function keepPost(ports: PostPorts, post: PastedPost, now: Date): Promise<string> {
  const key = postKey(post.text);
  const id = opportunityId(POST_SOURCE, key);
  await ports.store.opportunities.upsert(
    [
      {
        id,
        source: POST_SOURCE,
        key,
        label: 'job post',
        project: '',
        url: post.url ?? '',
        // No title: the radar's lists (newSince) leave untitled rows out.
        title: '',
        labels: [],
        bodyExcerpt: post.text.slice(0, 300),
        stars: 0,
        comments: 0,
        score: 0,
        reasons: [],
        meta: { kind: 'post', text: post.text, ...(post.url ? { url: post.url } : {}) },
      },
    ],
    now,
  );
  return id;
}

/** The source: it finds nothing by search, and gives back the post kept under a key. */
export function createPostSource(ports: PostPorts): OpportunitySource {
  return {
    name: POST_SOURCE,
    isKey: (key) => KEY.test(key),
    search: async () => [],
    async get(key) {
      const row = await ports.store.opportunities.get(opportunityId(POST_SOURCE, key));
      const text = row?.meta.text;
      if (!row || typeof text !== 'string' || text.trim() === '')
        throw new GigopsError(ErrorCode.OpportunityGone, `no pasted post ${key}`);
      const url = typeof row.meta.url === 'string' ? row.meta.url : '';
      return postCandidate(key, text, { url, label: row.label, seenAt: row.firstSeenAt });
    },
  };
}

/** A pasted post as drafting reads it: its text is the body; nothing about it is GitHub's. */
export function postCandidate(
  key: string,
  text: string,
  kept: { url: string; label: string; seenAt: Date },
): Candidate {
  return {
    source: POST_SOURCE,
    key,
    label: kept.label || 'job post',
    project: '',
    url: kept.url,
    title: '',
    labels: [],
    body: text,
    comments: 0,
    createdAt: kept.seenAt,
    locked: false,
    assignees: 0,
    stars: 0,
    archived: false,
    openPullRequests: 0,
    recentComments: [],
    meta: { kind: 'post' },
  };
}
