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

/** Why a post was not made: Slack refused for now, failed, went silent, or was never reached. */
export type PostFailure = 'rate_limited' | 'server_error' | 'no_answer' | 'unreachable';

/**
 * Every try failed. `landed: 'no'` when Slack cannot have taken any of them
 * (429s, a connection never made, or a 5xx followed by a clean look);
 * `'unknown'` when a try went unanswered or a look failed, so the post may
 * still show up.
 */
export class PostNotConfirmed extends Error {
  readonly code = 'slack_post_not_confirmed';
  readonly reason: PostFailure;
  readonly landed: 'no' | 'unknown';
  readonly tries: number;
  /** The HTTP status of a server error. */
  readonly status: number | undefined;

  constructor(
    failed: { reason: PostFailure; landed: 'no' | 'unknown'; tries: number; status?: number },
    cause: unknown,
  ) {
    const { reason, landed, tries } = failed;
    super(
      `Slack did not confirm the post after ${tries} tries (${reason}, landed: ${landed}): ${(cause as Error)?.message}`,
      { cause },
    );
    this.name = 'PostNotConfirmed';
    this.reason = reason;
    this.landed = landed;
    this.tries = tries;
    this.status = failed.status;
  }
}

/** Errors before a request left (nothing reached Slack): safe to send again. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function readFailure(error: unknown): { reason: PostFailure; status?: number } | undefined {
  const e = error as { code?: string; statusCode?: number; original?: { cause?: unknown } };
  if (e.code === ErrorCode.PlatformError) return undefined;
  if (e.code === ErrorCode.RateLimitedError) return { reason: 'rate_limited' };
  if (e.code === ErrorCode.HTTPError && e.statusCode !== undefined)
    return { reason: 'server_error', status: e.statusCode };
  const cause = (e.original?.cause ?? {}) as { code?: string };
  return { reason: cause.code && NOT_SENT.has(cause.code) ? 'unreachable' : 'no_answer' };
}

/**
 * Posts a message exactly once, whatever Slack does. chat.postMessage is not
 * idempotent: after a timeout, a dropped connection or a 5xx the message may
 * have landed. So nothing is retried blindly: an answer that says Slack did
 * nothing (ok:false: thrown as is; 429: waited out) or a connection never
 * made is safe to act on; an ambiguous failure is followed by a look at the
 * channel (or thread) since `since` for a message carrying the marker (after
 * the pause, when Slack went silent: it may still be storing the post), and
 * only if none is there is it posted again. When every try fails, it throws
 * PostNotConfirmed, saying whether the post may still appear.
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
  const look = (): Promise<{ ts?: string | undefined; ok: boolean }> =>
    findMarked(input).then(
      (ts) => ({ ts, ok: true }),
      () => ({ ok: false }),
    );
  if (input.lookFirst) {
    const { ts } = await look();
    if (ts) return { ts, channel, found: true };
  }
  let unsure = false;
  let last: { reason: PostFailure; status?: number; error: unknown } | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const more = attempt < attempts;
    try {
      const res = await poster.chat.postMessage({
        ...message,
        channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        metadata: { event_type: marker.type, event_payload: { id: marker.id } },
      } as unknown as ChatPostMessageArguments);
      return { ts: String(res.ts), channel: String(res.channel ?? channel), found: false };
    } catch (error) {
      const failure = readFailure(error);
      // Slack answered and did nothing: not_in_channel, invalid_blocks… final.
      if (!failure) throw error;
      last = { ...failure, error };
      const pause = backoffMs * 2 ** (attempt - 1);
      if (failure.reason === 'rate_limited') {
        const after = (error as { retryAfter?: number }).retryAfter ?? 1;
        if (more) await sleep(Math.min(after * 1000, maxRetryAfterMs));
        continue;
      }
      if (failure.reason === 'unreachable') {
        if (more) await sleep(pause);
        continue;
      }
      // It may have landed. A silent Slack may still be storing it: wait, then look.
      if (failure.reason === 'no_answer') {
        unsure = true;
        if (more) await sleep(pause);
      }
      const seen = await look();
      if (seen.ts) return { ts: seen.ts, channel, found: true };
      if (!seen.ok) unsure = true;
      if (more && failure.reason === 'server_error') await sleep(pause);
    }
  }
  const { reason, status, error } = last!;
  const landed = unsure ? 'unknown' : 'no';
  throw new PostNotConfirmed(
    { reason, landed, tries: attempts, ...(status ? { status } : {}) },
    error,
  );
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
  const code = slackErrorCode(error);
  return CANNOT_POST.has(code as CannotPost) ? (code as CannotPost) : undefined;
}

/**
 * Slack's own error code (`not_in_channel`, `invalid_auth`…) when Slack
 * answered ok:false; undefined for anything else. The one place that reads
 * the Web API client's error shape (test/feature-imports.test.ts keeps it so).
 */
export function slackErrorCode(error: unknown): string | undefined {
  if ((error as { code?: unknown }).code !== ErrorCode.PlatformError) return undefined;
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Slack refused an image block's `slack_file` (`invalid_blocks`, the error
 * naming `/slack_file`): the file is unknown, not processed yet, or not an
 * image. Nothing was posted, so posting without the image is safe.
 */
export function refusedSlackFile(error: unknown): boolean {
  if ((error as { code?: unknown }).code !== ErrorCode.PlatformError) return false;
  const data = (error as { data?: { error?: unknown; errors?: unknown } }).data;
  return (
    data?.error === 'invalid_blocks' && JSON.stringify(data.errors ?? []).includes('slack_file')
  );
}
