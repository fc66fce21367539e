import type { Block, KnownBlock } from '@slack/types';
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import { ErrorCode } from '@slack/web-api';

/**
 * What marks a post as ours and as this one: Slack message metadata, read
 * back by conversations.history (include_all_metadata). `id` names the post
 * (a snapshot's client and week, a digest slot, a draft id).
 */
export interface PostMarker {
  type: string;
  id: string;
}

export interface PostOnceInput {
  /** Posts; must not retry by itself (Deps.slackPost). */
  poster: WebClient;
  /** Looks; may retry (reads are idempotent). */
  reader: WebClient;
  channel: string;
  threadTs?: string | undefined;
  marker: PostMarker;
  /** The earliest a post of this marker can have been made. */
  since: Date;
  /** Look before the first post too: a post of this marker may exist from an earlier try. */
  lookFirst?: boolean;
  message: {
    text: string;
    blocks?: (KnownBlock | Block)[];
    unfurl_links?: boolean;
    unfurl_media?: boolean;
  };
  /** Posts tried at most (default 3). */
  attempts?: number;
  /** Wait between tries (default 1 s, doubling). */
  backoffMs?: number;
  /** The longest Retry-After waited (default 30 s). */
  maxRetryAfterMs?: number;
}

export interface Posted {
  ts: string;
  channel: string;
  /** True when the post was found already made, not made now. */
  found: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Posts a message exactly once, whatever Slack does. chat.postMessage is not
 * idempotent: after a timeout, a dropped connection or a 5xx the message may
 * have landed. So nothing is retried blindly: an answer that says Slack did
 * nothing (ok:false, 429) is retried or thrown as such; an ambiguous failure
 * is followed by a look at the channel (or thread) since `since` for a
 * message carrying the marker, and only if none is there is it posted again.
 */
export async function postOnce(input: PostOnceInput): Promise<Posted> {
  const {
    poster,
    channel,
    threadTs,
    marker,
    message,
    attempts = 3,
    backoffMs = 1_000,
    maxRetryAfterMs = 30_000,
  } = input;
  if (input.lookFirst) {
    const found = await findMarked(input).catch(() => undefined);
    if (found) return { ts: found, channel, found: true };
  }
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await poster.chat.postMessage({
        ...message,
        channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        metadata: { event_type: marker.type, event_payload: { id: marker.id } },
      } as unknown as ChatPostMessageArguments);
      return { ts: String(res.ts), channel: String(res.channel ?? channel), found: false };
    } catch (error) {
      lastError = error;
      const code = (error as { code?: string }).code;
      // Slack answered and did nothing: not_in_channel, invalid_blocks… final.
      if (code === ErrorCode.PlatformError) throw error;
      if (code === ErrorCode.RateLimitedError) {
        const after = (error as { retryAfter?: number }).retryAfter ?? 1;
        if (attempt < attempts) await sleep(Math.min(after * 1000, maxRetryAfterMs));
        continue;
      }
      // Timed out, connection lost, 5xx: it may have landed. Look before posting again.
      const found = await findMarked(input).catch(() => undefined);
      if (found) return { ts: found, channel, found: true };
      if (attempt < attempts) await sleep(backoffMs * 2 ** (attempt - 1));
    }
  }
  throw lastError;
}

/** The ts of a message carrying the marker, posted since `since`, if any. */
async function findMarked(input: PostOnceInput): Promise<string | undefined> {
  const { reader, channel, threadTs, marker, since } = input;
  const oldest = (since.getTime() / 1000 - 1).toFixed(6);
  const page = threadTs
    ? await reader.conversations.replies({
        channel,
        ts: threadTs,
        oldest,
        limit: 200,
        include_all_metadata: true,
      })
    : await reader.conversations.history({
        channel,
        oldest,
        limit: 200,
        include_all_metadata: true,
      });
  const hit = (page.messages ?? []).find(
    (m) =>
      m.metadata?.event_type === marker.type &&
      (m.metadata.event_payload as { id?: unknown } | undefined)?.id === marker.id,
  );
  return hit?.ts;
}

const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived'] as const);
export type CannotPost = typeof CANNOT_POST extends Set<infer T> ? T : never;

/**
 * Slack's answers meaning the bot cannot post in that channel (not invited,
 * gone, archived), so features answer privately instead; no feature reads
 * Slack's error shapes itself.
 */
export function cannotPost(error: unknown): CannotPost | undefined {
  if ((error as { code?: unknown }).code !== ErrorCode.PlatformError) return undefined;
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return CANNOT_POST.has(code as CannotPost) ? (code as CannotPost) : undefined;
}
