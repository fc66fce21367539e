import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.ts';

/**
 * A fake Notion API (2025-09-03, data sources) on loopback: data source
 * retrieve and query (100 per page, next_cursor, a `url equals` filter), page
 * retrieve, update and create. It enforces Notion's rate limit as a token
 * bucket (3/s average, short bursts) answering 429 `rate_limited` with
 * Retry-After, and records every request with the (injectable) time it came.
 * Shapes follow developers.notion.com's reference; no recorded fixture exists.
 */
export interface FakeProperty {
  type: string;
  options?: string[];
}

export interface FakeRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  at: number;
  status: number;
}

export interface FakeNotionOptions {
  dataSourceId?: string;
  properties?: Record<string, FakeProperty>;
  /** Average requests per second allowed; 0 turns enforcement off. */
  rate?: number;
  burst?: number;
  now?: () => number;
}

type Json = Record<string, unknown>;

export const DEFAULT_PROPERTIES: Record<string, FakeProperty> = {
  Name: { type: 'title' },
  Status: {
    type: 'status',
    options: ['📝 Draft', '🔄 In Review', '✅ Done', '⛔ Closed', '🚧 Blocked', 'Not started'],
  },
  PR: { type: 'url' },
  Reviewer: { type: 'rich_text' },
  Date: { type: 'date' },
  QA: { type: 'select', options: ['success'] },
  'Story Points': { type: 'number' },
  Client: { type: 'select', options: ['ACME'] },
  Blocked: { type: 'checkbox' },
};

export class FakeNotion {
  readonly dataSourceId: string;
  readonly properties: Record<string, FakeProperty>;
  readonly pages = new Map<string, Json>();
  readonly requests: FakeRequest[] = [];
  /** Other data sources (e.g. a timeline) by id: retrievable, and pages may be created in them. */
  readonly otherDataSources = new Map<string, Record<string, FakeProperty>>();
  /** Answer the next N page updates with 500, to simulate an outage. */
  failUpdates = 0;
  /** Requests it matches are recorded (status 0) and never answered nor applied. */
  hold: ((method: string, path: string) => boolean) | undefined;
  readonly #rate: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #refilledAt: number;
  #server: Server | undefined;
  #waiters: Array<{ match: (r: FakeRequest) => boolean; resolve: (r: FakeRequest) => void }> = [];
  url = '';

  constructor(options: FakeNotionOptions = {}) {
    this.dataSourceId = options.dataSourceId ?? randomUUID();
    this.properties = structuredClone(options.properties ?? DEFAULT_PROPERTIES);
    this.#rate = options.rate ?? 3;
    this.#burst = options.burst ?? 4;
    this.#now = options.now ?? Date.now;
    this.#tokens = this.#burst;
    this.#refilledAt = this.#now();
  }

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? (JSON.parse(raw) as Json) : undefined;
      const path = (req.url ?? '').split('?')[0] ?? '';
      const method = req.method ?? 'GET';
      const at = this.#now();
      if (this.hold?.(method, path)) {
        const held = { method, path, body, at, status: 0 };
        this.requests.push(held);
        this.#waiters = this.#waiters.filter((w) => {
          if (!w.match(held)) return true;
          w.resolve(held);
          return false;
        });
        return;
      }
      const [status, answer, headers] = this.#limited(at) ?? this.#route(method, path, body);
      const record = { method, path, body, at, status };
      this.requests.push(record);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(answer));
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.match(record)) return true;
        w.resolve(record);
        return false;
      });
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }

  /** Successful page updates (the writes delivery sync makes). */
  get writes(): FakeRequest[] {
    return this.requests.filter((r) => r.method === 'PATCH' && r.status === 200);
  }

  get rateLimited(): number {
    return this.requests.filter((r) => r.status === 429).length;
  }

  /** Resolves with the first request (past or future) that matches. */
  waitFor(match: (r: FakeRequest) => boolean): Promise<FakeRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** Adds an item; values in read shape are built from simple ones. */
  addItem(values: {
    title: string;
    status?: string;
    pr?: string;
    reviewer?: string;
    date?: string;
    qa?: string;
    points?: number;
    client?: string;
    blocked?: boolean;
  }): string {
    const id = randomUUID();
    const props: Json = {};
    for (const [name, def] of Object.entries(this.properties)) props[name] = empty(def.type);
    const set = (name: string, value: unknown) => {
      const def = this.properties[name];
      if (def && value !== undefined)
        props[name] = readShape(def.type, writeShape(def.type, value));
    };
    const titleName = Object.entries(this.properties).find(([, p]) => p.type === 'title')?.[0];
    if (titleName) set(titleName, values.title);
    set('Status', values.status);
    set('PR', values.pr);
    set('Reviewer', values.reviewer);
    set('Date', values.date);
    set('QA', values.qa);
    set('Story Points', values.points);
    set('Client', values.client);
    set('Blocked', values.blocked);
    const time = new Date(Date.UTC(2026, 10, 1)).toISOString();
    this.pages.set(id, {
      object: 'page',
      id,
      url: `https://www.notion.so/${values.title.replace(/\W+/g, '-')}-${id.replace(/-/g, '')}`,
      created_time: time,
      last_edited_time: time,
      parent: { type: 'data_source_id', data_source_id: this.dataSourceId },
      properties: props,
    });
    return id;
  }

  /** A property's value, simplified: name, text, url, number, date start or people ids. */
  value(pageId: string, property: string): unknown {
    const p = (this.pages.get(pageId)?.properties as Json | undefined)?.[property] as Json;
    switch (p?.type) {
      case 'status':
      case 'select':
        return (p[p.type] as Json | null)?.name;
      case 'rich_text':
      case 'title':
        return (p[p.type] as Array<{ plain_text: string }>).map((t) => t.plain_text).join('');
      case 'date':
        return (p.date as Json | null)?.start;
      case 'people':
        return (p.people as Json[]).map((u) => u.id);
      default:
        return p?.[String(p?.type)];
    }
  }

  #limited(at: number): [number, Json, Record<string, string>] | undefined {
    if (this.#rate <= 0) return undefined;
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + ((at - this.#refilledAt) * this.#rate) / 1000,
    );
    this.#refilledAt = at;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return undefined;
    }
    return [
      429,
      { object: 'error', status: 429, code: 'rate_limited', message: 'Rate limited' },
      { 'retry-after': '1' },
    ];
  }

  #route(
    method: string,
    path: string,
    body: Json | undefined,
  ): [number, Json, Record<string, string>] {
    const ds = /^\/v1\/data_sources\/([^/]+)(\/query)?$/.exec(path);
    if (ds) {
      const other = this.otherDataSources.get(ds[1]!);
      if (other && method === 'GET' && !ds[2]) return [200, this.#dataSource(ds[1]!, other), {}];
      if (ds[1] !== this.dataSourceId) return notFound(ds[1]!);
      if (method === 'GET' && !ds[2]) return [200, this.#dataSource(), {}];
      if (method === 'POST' && ds[2]) return [200, this.#query(body ?? {}), {}];
    }
    const page = /^\/v1\/pages\/([^/]+)$/.exec(path);
    if (page) {
      const id = [...this.pages.keys()].find(
        (k) => k.replace(/-/g, '') === page[1]!.replace(/-/g, '').toLowerCase(),
      );
      if (!id) return notFound(page[1]!);
      if (method === 'GET') return [200, this.pages.get(id)!, {}];
      if (method === 'PATCH') return this.#update(id, body ?? {});
    }
    if (method === 'POST' && path === '/v1/pages') {
      const id = randomUUID();
      this.pages.set(id, { object: 'page', id, created: body, parent: body?.parent });
      return [200, { object: 'page', id }, {}];
    }
    return [404, { object: 'error', status: 404, code: 'invalid_request_url', message: path }, {}];
  }

  #dataSource(id = this.dataSourceId, props = this.properties): Json {
    const properties: Json = {};
    for (const [name, p] of Object.entries(props)) {
      const options = (p.options ?? []).map((o, i) => ({ id: `o${i}`, name: o, color: 'default' }));
      properties[name] = {
        id: name.slice(0, 4),
        name,
        type: p.type,
        [p.type]: p.type === 'status' || p.type === 'select' ? { options } : {},
      };
    }
    return { object: 'data_source', id, title: [], properties };
  }

  #query(body: Json): Json {
    const filter = body.filter as { property: string; url: { equals: string } } | undefined;
    const all = [...this.pages.values()].filter((p) => {
      if ((p.parent as Json | undefined)?.data_source_id !== this.dataSourceId) return false;
      if (!filter) return true;
      const v = (p.properties as Json)[filter.property] as Json | undefined;
      return v?.url === filter.url.equals;
    });
    const size = Math.min(Number(body.page_size ?? 100), 100);
    const start = body.start_cursor ? Number(body.start_cursor) : 0;
    const results = all.slice(start, start + size);
    const more = start + size < all.length;
    return {
      object: 'list',
      type: 'page_or_data_source',
      results,
      has_more: more,
      next_cursor: more ? String(start + size) : null,
    };
  }

  #update(id: string, body: Json): [number, Json, Record<string, string>] {
    if (this.failUpdates > 0) {
      this.failUpdates -= 1;
      return [
        500,
        { object: 'error', status: 500, code: 'internal_server_error', message: 'x' },
        {},
      ];
    }
    const page = this.pages.get(id)!;
    const props = page.properties as Json;
    for (const [name, value] of Object.entries((body.properties ?? {}) as Json)) {
      const def = this.properties[name];
      if (!def) return validation(`${name} is not a property that exists.`);
      const v = value as Json;
      if (!(def.type in v)) return validation(`${name} is expected to be ${def.type}.`);
      if (def.type === 'status') {
        const option = (v.status as Json).name as string;
        if (!def.options?.includes(option)) return validation(`Invalid status option "${option}".`);
      }
      if (def.type === 'select') {
        const option = (v.select as Json).name as string;
        if (!def.options?.includes(option)) def.options = [...(def.options ?? []), option];
      }
      props[name] = readShape(def.type, v);
    }
    page.last_edited_time = new Date(this.#now()).toISOString();
    return [200, page, {}];
  }
}

function notFound(id: string): [number, Json, Record<string, string>] {
  return [
    404,
    { object: 'error', status: 404, code: 'object_not_found', message: `Could not find ${id}.` },
    {},
  ];
}

function validation(message: string): [number, Json, Record<string, string>] {
  return [400, { object: 'error', status: 400, code: 'validation_error', message }, {}];
}

function empty(type: string): Json {
  const values: Record<string, unknown> = {
    title: [],
    rich_text: [],
    status: null,
    select: null,
    url: null,
    date: null,
    number: null,
    checkbox: false,
    people: [],
  };
  return { id: type.slice(0, 4), type, [type]: values[type] ?? null };
}

/** The write shape for a simple value (what a client would send). */
function writeShape(type: string, value: unknown): Json {
  switch (type) {
    case 'title':
    case 'rich_text':
      return { [type]: [{ text: { content: String(value) } }] };
    case 'status':
    case 'select':
      return { [type]: { name: String(value) } };
    case 'date':
      return { date: { start: String(value) } };
    case 'people':
      return { people: (value as string[]).map((id) => ({ id })) };
    default:
      return { [type]: value };
  }
}

/** Turns a write shape into what Notion returns when the page is read. */
function readShape(type: string, v: Json): Json {
  const out: Json = { id: type.slice(0, 4), type };
  switch (type) {
    case 'title':
    case 'rich_text':
      out[type] = (v[type] as Array<{ text: { content: string } }>).map((t) => ({
        type: 'text',
        text: { content: t.text.content, link: null },
        plain_text: t.text.content,
        href: null,
      }));
      break;
    case 'status':
    case 'select':
      out[type] = v[type] ? { id: 'opt', name: (v[type] as Json).name, color: 'default' } : null;
      break;
    case 'date':
      out.date = v.date ? { start: (v.date as Json).start, end: null, time_zone: null } : null;
      break;
    case 'people':
      out.people = (v.people as Json[]).map((u) => ({
        object: 'user',
        id: u.id,
        name: `user ${u.id}`,
      }));
      break;
    default:
      out[type] = v[type];
  }
  return out;
}
