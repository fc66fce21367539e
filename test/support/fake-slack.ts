import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.ts';
import { slackBlocksError } from './slack-block-limits.ts';

export interface RecordedCall {
  method: string;
  /** The Web API method (`chat.postMessage`) or `response_url:<path>`. */
  params: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  /** File uploads (`upload:/upload/<file id>`): the uploaded bytes. */
  file?: Buffer;
}

export interface HttpFault {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Record the call and never answer (a Slack that posted, then went silent). */
  hold?: boolean;
  /** Answer normally, but only after this long (a slow Slack: the post has landed). */
  delayMs?: number;
  /**
   * Whether a chat.postMessage met by this fault landed in the channel anyway
   * (history shows it). Default: yes for `hold` and `delayMs`, no for a status.
   * For files.completeUploadExternal with a status: the upload was completed
   * (and shared) though the answer failed.
   */
  landed?: boolean;
  /**
   * With `delayMs`: the post shows in history only this long after the
   * request came in (a Slack still storing it when the client gave up).
   */
  landsAfterMs?: number;
  /** Only calls with these parameters meet the fault; the others pass until one does. */
  match?: (params: Record<string, unknown>) => boolean;
}

/** A message as conversations.history returns it. */
export interface FakeMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  /** A file shared by files.completeUploadExternal with a channel_id. */
  files?: Array<{ id: string; name: string; title: string }>;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * A file of the upload flow (files.getUploadURLExternal → the upload URL →
 * files.completeUploadExternal). Like Slack's, it is private to the uploader
 * until completed with a channel_id, and processed after completion: its
 * mimetype is '' and an image block naming it is refused until then.
 */
export interface FakeFile {
  id: string;
  name: string;
  length: number;
  title: string;
  bytes: Buffer | undefined;
  completed: boolean;
  /** files.info looks left that still see it processing (see FakeSlack.fileProcessingLooks). */
  processingLooks: number;
  /** Channels (and threads) it was shared to. */
  shares: Array<{ channel: string; ts: string; thread_ts?: string }>;
}

type Responder = (params: Record<string, unknown>) => Record<string, unknown>;

/**
 * A fake Slack on loopback: the Web API under /api/<method> (set SLACK_API_URL
 * to `${url}/api/`) and response URLs under /respond/<anything>. Every call is
 * recorded; answers default to `{ ok: true }` and can be overridden per method.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responders = new Map<string, Responder>();
  /**
   * HTTP-level faults per method, used up in order: a status (429 with
   * Retry-After, 5xx), or `hold` to record the call and never answer it.
   */
  readonly httpFaults = new Map<string, HttpFault[]>();
  /** What chat.postMessage put in channels (and threads), oldest first. */
  readonly messages: FakeMessage[] = [];
  /** Files of the upload flow, by id. */
  readonly files = new Map<string, FakeFile>();
  /**
   * Slack processes a completed upload asynchronously (files.info shows
   * `mimetype: ''` meanwhile, and an image block naming it is refused with
   * `invalid_blocks`; slackapi/python-slack-sdk#1658, node-slack-sdk#2170).
   * Here, deterministically, a completed file stays processing for this many
   * files.info looks instead of a few seconds.
   */
  fileProcessingLooks = 0;
  #server: Server | undefined;

  /**
   * A fresh workspace for the next test: no calls, messages or files, no
   * scripted answers, faults or processing delay. The server keeps running.
   */
  reset(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.files.clear();
    this.responders.clear();
    this.httpFaults.clear();
    this.fileProcessingLooks = 0;
  }
  #waiters: Array<{ match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  #ts = 1_700_000_000;
  url = '';

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const params = parseBody(raw, req.headers['content-type']);
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path.startsWith('/upload/')) {
        await this.#recordUpload(path, Buffer.concat(chunks), req.headers);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`OK - ${Buffer.concat(chunks).length}`);
        return;
      }
      const method = path.startsWith('/api/') ? path.slice(5) : `response_url:${path}`;
      const call = { method, params, headers: req.headers };
      this.calls.push(call);
      const queue = this.httpFaults.get(method);
      const fault = queue?.[0]?.match && !queue[0].match(params) ? undefined : queue?.shift();
      if (fault?.delayMs !== undefined) {
        this.#notify(call);
        const answer = this.responders.get(method)?.(params) ?? this.#defaultAnswer(method, params);
        if (fault.landed === false) this.#unpost(answer);
        else if (fault.landsAfterMs !== undefined) {
          const message = this.#unpost(answer);
          setTimeout(() => {
            if (!message) return;
            // Oldest first, as Slack orders by ts.
            const at = this.messages.findIndex((m) => Number(m.ts) > Number(message.ts));
            this.messages.splice(at < 0 ? this.messages.length : at, 0, message);
          }, fault.landsAfterMs);
        }
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        }, fault.delayMs);
        return;
      }
      if (fault) {
        this.#notify(call);
        if (method === 'chat.postMessage' && (fault.landed ?? fault.hold === true))
          this.#defaultAnswer(method, params);
        // A share that happened though the answer failed (landed: true).
        if (method === 'files.completeUploadExternal' && fault.landed) this.#completeUpload(params);
        if (fault.hold) return;
        res.writeHead(fault.status ?? 500, { 'content-type': 'text/plain', ...fault.headers });
        res.end(fault.body ?? '');
        return;
      }
      const refused = blocksRefusal(method, params) ?? this.#slackFileRefusal(method, params);
      if (refused && method.startsWith('response_url:')) {
        // A response_url answers like an incoming webhook: HTTP 400, the code as text.
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(refused.error);
      } else {
        const answer =
          refused ?? this.responders.get(method)?.(params) ?? this.#defaultAnswer(method, params);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      }
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.match(call)) return true;
        w.resolve(call);
        return false;
      });
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(name = 'r1'): string {
    return `${this.url}/respond/${name}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (past or future) that matches. */
  waitFor(method: string, match: (c: RecordedCall) => boolean = () => true): Promise<RecordedCall> {
    const pred = (c: RecordedCall) => c.method === method && match(c);
    const seen = this.calls.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ match: pred, resolve }));
  }

  /** A post answered as failed that must not show in history. */
  #unpost(answer: Record<string, unknown>): FakeMessage | undefined {
    const i = this.messages.findIndex((m) => m.ts === answer.ts);
    return i >= 0 ? this.messages.splice(i, 1)[0] : undefined;
  }

  #notify(call: RecordedCall): void {
    this.#waiters = this.#waiters.filter((w) => {
      if (!w.match(call)) return true;
      w.resolve(call);
      return false;
    });
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }

  /** Step 2 of the upload flow: the bytes posted (multipart) to the URL getUploadURLExternal gave. */
  async #recordUpload(path: string, raw: Buffer, headers: IncomingMessage['headers']) {
    const form = await new Request(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': String(headers['content-type'] ?? '') },
      body: new Uint8Array(raw),
    }).formData();
    const part = [...form.values()].find((v): v is File => typeof v !== 'string');
    const file = part ? Buffer.from(await part.arrayBuffer()) : raw;
    const call: RecordedCall = { method: `upload:${path}`, params: {}, headers, file };
    this.calls.push(call);
    const known = this.files.get(path.slice('/upload/'.length));
    if (known) known.bytes = file;
    this.#waiters = this.#waiters.filter((w) => {
      if (!w.match(call)) return true;
      w.resolve(call);
      return false;
    });
  }

  /**
   * files.completeUploadExternal: the uploaded files become files; with a
   * channel_id they are shared there (in thread_ts's thread), which Slack
   * shows as a message carrying them.
   */
  #completeUpload(params: Record<string, unknown>): Record<string, unknown> {
    const listed = (Array.isArray(params.files) ? params.files : []) as Array<{
      id?: string;
      title?: string;
    }>;
    const files = listed.map((f) => this.files.get(String(f.id)));
    if (files.length === 0 || files.some((f) => !f?.bytes))
      return { ok: false, error: 'file_not_found' };
    for (const [i, file] of (files as FakeFile[]).entries()) {
      file.completed = true;
      file.processingLooks = this.fileProcessingLooks;
      if (listed[i]?.title) file.title = String(listed[i].title);
    }
    if (params.channel_id) {
      this.#ts = Math.max(this.#ts + 1, Math.floor(Date.now() / 1000));
      const ts = `${this.#ts}.000200`;
      const channel = String(params.channel_id);
      const thread = params.thread_ts ? { thread_ts: String(params.thread_ts) } : {};
      for (const file of files as FakeFile[]) file.shares.push({ channel, ts, ...thread });
      this.messages.push({
        channel,
        ts,
        ...thread,
        text: String(params.initial_comment ?? ''),
        files: (files as FakeFile[]).map((f) => ({ id: f.id, name: f.name, title: f.title })),
      });
    }
    return {
      ok: true,
      files: (files as FakeFile[]).map((f) => ({ id: f.id, title: f.title })),
    };
  }

  /**
   * An image block's `slack_file` must name a completed, processed image the
   * bot can see; otherwise Slack answers `invalid_blocks`, naming the block.
   */
  #slackFileRefusal(
    method: string,
    params: Record<string, unknown>,
  ): { ok: false; error: string; errors: string[] } | undefined {
    if (!MESSAGE_METHODS.has(method) || !Array.isArray(params.blocks)) return undefined;
    const errors: string[] = [];
    (params.blocks as Array<{ type?: string; slack_file?: { id?: string } }>).forEach((b, i) => {
      if (b.type !== 'image' || !b.slack_file?.id) return;
      const file = this.files.get(b.slack_file.id);
      if (!file?.completed || file.processingLooks > 0 || !isImage(file.name))
        errors.push(`invalid slack file [json-pointer:/blocks/${i}/slack_file]`);
    });
    return errors.length > 0 ? { ok: false, error: 'invalid_blocks', errors } : undefined;
  }

  #defaultAnswer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'files.getUploadURLExternal': {
        if (!params.filename || !params.length) return { ok: false, error: 'invalid_arguments' };
        this.#ts += 1;
        const id = `F${this.#ts}`;
        this.files.set(id, {
          id,
          name: String(params.filename),
          length: Number(params.length),
          title: String(params.filename),
          bytes: undefined,
          completed: false,
          processingLooks: 0,
          shares: [],
        });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return this.#completeUpload(params);
      case 'files.info': {
        const file = this.files.get(String(params.file));
        if (!file?.completed) return { ok: false, error: 'file_not_found' };
        const processing = file.processingLooks > 0;
        if (processing) file.processingLooks -= 1;
        return { ok: true, file: fileObject(file, processing) };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users ?? '').split(',')[0]}` } };
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEAM', user: 'gigops' };
      case 'chat.postMessage': {
        // Like Slack's, a post's ts is the time it landed (unique, increasing).
        this.#ts = Math.max(this.#ts + 1, Math.floor(Date.now() / 1000));
        const ts = `${this.#ts}.000100`;
        this.messages.push({
          channel: String(params.channel),
          ts,
          ...(params.thread_ts ? { thread_ts: String(params.thread_ts) } : {}),
          text: String(params.text ?? ''),
          ...(Array.isArray(params.blocks) ? { blocks: params.blocks } : {}),
          ...(params.metadata
            ? { metadata: params.metadata as NonNullable<FakeMessage['metadata']> }
            : {}),
        });
        return { ok: true, channel: params.channel, ts };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const oldest = Number(params.oldest ?? 0);
        const inThread = method === 'conversations.replies';
        const messages = this.messages
          .filter(
            (m) =>
              m.channel === params.channel &&
              Number(m.ts) > oldest &&
              (inThread ? m.thread_ts === params.ts || m.ts === params.ts : !m.thread_ts),
          )
          .reverse()
          .map(({ channel: _c, metadata, ...m }) =>
            // Slack returns metadata only when include_all_metadata is asked for.
            params.include_all_metadata === true || params.include_all_metadata === 'true'
              ? { ...m, ...(metadata ? { metadata } : {}) }
              : m,
          );
        return { ok: true, messages, has_more: false };
      }
      case 'chat.update':
      case 'chat.postEphemeral':
        this.#ts += 1;
        return { ok: true, channel: params.channel, ts: params.ts ?? `${this.#ts}.000100` };
      default:
        return { ok: true };
    }
  }
}

/** Methods whose `blocks` Slack checks against Block Kit's limits. */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

/**
 * What Slack answers to blocks past its limits (shared/FACTS.md): like the real
 * one, the fake refuses them, so no test passes with a message Slack would drop.
 */
function blocksRefusal(
  method: string,
  params: Record<string, unknown>,
): { ok: false; error: string; errors: string[] } | undefined {
  let found: ReturnType<typeof slackBlocksError>;
  if (MESSAGE_METHODS.has(method) || method.startsWith('response_url:')) {
    if (Array.isArray(params.blocks)) found = slackBlocksError(params.blocks as object[]);
  } else if (VIEW_METHODS.has(method)) {
    const view = params.view as { blocks?: unknown } | undefined;
    if (Array.isArray(view?.blocks)) found = slackBlocksError(view.blocks as object[], 'view');
  }
  return found && { ok: false, error: found.error, errors: found.problems };
}

const isImage = (name: string) => /\.(png|jpe?g|gif)$/i.test(name);
const MIME: Record<string, string> = { png: 'image/png', pdf: 'application/pdf' };

/** A file as files.info shows it: mimetype and filetype empty while processing. */
function fileObject(file: FakeFile, processing: boolean): Record<string, unknown> {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return {
    id: file.id,
    name: file.name,
    title: file.title,
    mimetype: processing ? '' : (MIME[ext] ?? 'application/octet-stream'),
    filetype: processing ? '' : ext,
    size: file.bytes?.length ?? 0,
    url_private: `https://files.slack.com/files-pri/T0TEAM-${file.id}/${file.name}`,
    channels: [...new Set(file.shares.map((s) => s.channel))],
    is_public: file.shares.length > 0,
  };
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    params[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return params;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
