import type { SnapshotItem } from './snapshot-item.ts';

/** Names of the data source's properties (delivery.notion.properties). */
export interface SnapshotPropertyNames {
  status: string;
  pr: string;
  reviewer: string;
  date: string;
  qa: string;
  points: string;
  blocked: string;
}

type Prop = { type?: string; [key: string]: unknown };
type Page = {
  id: string;
  url?: string;
  created_time?: string;
  last_edited_time?: string;
  properties?: Record<string, Prop>;
};

const plain = (v: unknown): string =>
  Array.isArray(v) ? v.map((t) => (t as { plain_text?: string }).plain_text ?? '').join('') : '';

function textOf(p: Prop | undefined): string | undefined {
  if (!p) return undefined;
  switch (p.type) {
    case 'title':
    case 'rich_text':
      return plain(p[p.type]) || undefined;
    case 'select':
    case 'status':
      return (p[p.type] as { name?: string } | null)?.name || undefined;
    case 'people': {
      const names = ((p.people as Array<{ name?: string; id: string }>) ?? []).map(
        (u) => u.name ?? u.id,
      );
      return names.length ? names.join(', ') : undefined;
    }
    case 'url':
      return (p.url as string | null) ?? undefined;
    default:
      return undefined;
  }
}

/**
 * A Notion page (API 2025-09-03, as `dataSources.query` returns it) as a
 * SnapshotItem. Tolerant on purpose: a missing or retyped property reads as
 * empty rather than failing the whole snapshot. `blocked` is the checkbox of
 * that name, or else the status equal to that name (a "Blocked" status).
 */
export function decodeSnapshotItem(page: Page, names: SnapshotPropertyNames): SnapshotItem {
  const props = page.properties ?? {};
  const titleProp = Object.values(props).find((p) => p.type === 'title');
  const status = textOf(props[names.status]) ?? '';
  const blockedProp = props[names.blocked];
  const blocked =
    blockedProp?.type === 'checkbox' ? blockedProp.checkbox === true : status === names.blocked;
  const pointsProp = props[names.points];
  const points =
    pointsProp?.type === 'number' && typeof pointsProp.number === 'number'
      ? pointsProp.number
      : undefined;
  const dateProp = props[names.date];
  const start =
    dateProp?.type === 'date' ? (dateProp.date as { start?: string } | null)?.start : undefined;
  return {
    id: page.id,
    url: page.url ?? `https://www.notion.so/${page.id.replace(/-/g, '')}`,
    title: textOf(titleProp) ?? '(untitled)',
    status,
    points,
    blocked,
    pr: textOf(props[names.pr]),
    reviewer: textOf(props[names.reviewer]),
    qa: textOf(props[names.qa]),
    date: start ? { start, hasTime: start.includes('T') } : undefined,
    createdTime: new Date(page.created_time ?? 0),
    lastEditedTime: new Date(page.last_edited_time ?? page.created_time ?? 0),
  };
}
