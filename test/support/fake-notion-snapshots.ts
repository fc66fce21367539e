import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.ts';

export type NotionPage = {
  object: 'page';
  id: string;
  url: string;
  created_time: string;
  last_edited_time: string;
  parent: { type: 'data_source_id'; data_source_id: string };
  properties: Record<string, { type: string; [k: string]: unknown }>;
};

/**
 * A fake Notion API (2025-09-03) on loopback for snapshots: `POST
 * /v1/data_sources/:id/query` with a `select.equals` filter, paged by
 * `page_size` and `start_cursor`, as the docs describe. Counts every request.
 * (The delivery feature has its own, fuller fake-notion.ts.)
 */
export class FakeNotionSnapshots {
  readonly requests: Array<{ method: string; path: string; body: Record<string, unknown> }> = [];
  pages: NotionPage[] = [];
  /** Answer the next N queries 400 `validation_error` (not retried). */
  failQueries = 0;
  #server: Server | undefined;
  url = '';

  readonly dataSourceId: string;

  constructor(dataSourceId: string) {
    this.dataSourceId = dataSourceId;
  }

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const path = (req.url ?? '').split('?')[0] ?? '';
      this.requests.push({ method: req.method ?? '', path, body });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.method !== 'POST' || path !== `/v1/data_sources/${this.dataSourceId}/query`) {
        send(404, { object: 'error', status: 404, code: 'object_not_found', message: path });
        return;
      }
      if (this.failQueries > 0) {
        this.failQueries -= 1;
        send(400, { object: 'error', status: 400, code: 'validation_error', message: 'bad' });
        return;
      }
      const filter = body.filter as { property: string; select: { equals: string } } | undefined;
      const matching = this.pages.filter((p) => {
        if (!filter) return true;
        const prop = p.properties[filter.property] as { select?: { name: string } | null };
        return prop?.select?.name === filter.select.equals;
      });
      const size = Math.min(Number(body.page_size ?? 100), 100);
      const start = Number(body.start_cursor ?? 0);
      const results = matching.slice(start, start + size);
      const more = start + size < matching.length;
      send(200, {
        object: 'list',
        type: 'page_or_data_source',
        page_or_data_source: {},
        results,
        has_more: more,
        next_cursor: more ? String(start + size) : null,
      });
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  queries(): number {
    return this.requests.filter((r) => r.path.endsWith('/query')).length;
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }
}

export interface PageSpec {
  title: string;
  client?: string;
  status: string;
  points?: number | null;
  blocked?: boolean;
  pr?: string;
  reviewer?: string;
  qa?: string;
  date?: string;
  created?: string;
  edited?: string;
}

let counter = 0;

/** A page shaped like Notion's page object, with the default delivery property names. */
export function notionPage(spec: PageSpec): NotionPage {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  const created = spec.created ?? '2026-11-01T12:00:00.000Z';
  const rich = (content: string) => [
    { type: 'text', text: { content, link: null }, plain_text: content, href: null },
  ];
  return {
    object: 'page',
    id,
    url: `https://www.notion.so/${id.replace(/-/g, '')}`,
    created_time: created,
    last_edited_time: spec.edited ?? created,
    parent: { type: 'data_source_id', data_source_id: 'fake-delivery-data-source' },
    properties: {
      Name: { id: 'title', type: 'title', title: rich(spec.title) },
      Client: {
        id: 'c',
        type: 'select',
        select: { id: 's', name: spec.client ?? 'ACME', color: 'blue' },
      },
      Status: {
        id: 'st',
        type: 'status',
        status: { id: 'x', name: spec.status, color: 'default' },
      },
      'Story Points': { id: 'sp', type: 'number', number: spec.points ?? null },
      Blocked: { id: 'b', type: 'checkbox', checkbox: spec.blocked ?? false },
      PR: { id: 'pr', type: 'url', url: spec.pr ?? null },
      Reviewer: {
        id: 'r',
        type: 'people',
        people: spec.reviewer ? [{ object: 'user', id: 'u1', name: spec.reviewer }] : [],
      },
      QA: {
        id: 'q',
        type: 'select',
        select: spec.qa ? { id: 'q1', name: spec.qa, color: 'green' } : null,
      },
      Date: {
        id: 'd',
        type: 'date',
        date: spec.date ? { start: spec.date, end: null, time_zone: null } : null,
      },
    },
  };
}
