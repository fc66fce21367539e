import { z } from 'zod';
import type {
  ContributingCheck,
  LeadFacts,
  LeadRecord,
  LeadValidation,
} from '../../domain/lead.ts';
import type { Param, Row } from '../sql.ts';
import { date, text } from '../sql.ts';

/** How a lead row reads and writes: JSON columns parsed with zod, never trusted as is. */

const factsSchema = z.object({
  title: z.string(),
  draft: z.boolean(),
  ci: z.enum(['success', 'failure', 'pending', 'none']),
  approvals: z.number(),
  changesRequested: z.number(),
  lastReply: z
    .object({ login: z.string().optional(), body: z.string(), at: z.string(), url: z.string() })
    .optional(),
});
const validationSchema = z.object({
  kind: z.enum(['merged', 'comment', 'review']),
  login: z.string().optional(),
  body: z.string(),
  at: z.string(),
  url: z.string(),
});
const contributingSchema = z.object({
  repo: z.string(),
  verdict: z.enum(['allowed', 'forbidden', 'silent', 'none', 'unknown']),
  path: z.string().optional(),
  quote: z.string().optional(),
  problem: z.string().optional(),
});

const json = <T>(schema: z.ZodType<T>, v: unknown): T | undefined =>
  typeof v === 'string' ? schema.parse(JSON.parse(v)) : undefined;

export const toJson = (v: unknown): string | null =>
  v === undefined ? null : JSON.stringify(v, (_k, x) => (x === undefined ? undefined : x));

export function toLead(r: Row): LeadRecord {
  const wonAmount = text(r.won_amount);
  return {
    id: String(r.id),
    url: String(r.url),
    repo: String(r.repo),
    number: Number(r.number),
    author: String(r.author),
    state: z.enum(['open', 'merged', 'closed', 'gone']).parse(r.state),
    origin: z.enum(['search', 'watch']).parse(r.origin),
    watchedBy: text(r.watched_by),
    opportunityId: text(r.opportunity_id),
    facts: json(factsSchema, r.facts) as LeadFacts,
    contributing: json(contributingSchema, r.contributing) as ContributingCheck | undefined,
    prCreatedAt: new Date(String(r.pr_created_at)),
    prUpdatedAt: String(r.pr_updated_at),
    lastEventAt: text(r.last_event_at),
    firstReplyAt: date(r.first_reply_at),
    mergedAt: date(r.merged_at),
    channel: text(r.channel),
    ts: text(r.ts),
    validatedAt: date(r.validated_at),
    validation: json(validationSchema, r.validation) as LeadValidation | undefined,
    validationTs: text(r.validation_ts),
    won:
      wonAmount === undefined
        ? undefined
        : {
            amount: Number(wonAmount),
            currency: String(r.won_currency),
            at: new Date(String(r.won_at)),
            by: String(r.won_by),
          },
    etag: text(r.etag),
    firstSeenAt: new Date(String(r.first_seen_at)),
  };
}

/** The fields a poll or a watch may change, by column. */
export type LeadPatch = Partial<
  Pick<
    LeadRecord,
    | 'url'
    | 'repo'
    | 'number'
    | 'state'
    | 'facts'
    | 'contributing'
    | 'prUpdatedAt'
    | 'lastEventAt'
    | 'firstReplyAt'
    | 'mergedAt'
    | 'opportunityId'
    | 'etag'
  >
>;

const COLUMNS: Record<keyof LeadPatch, [string, (v: never) => Param]> = {
  url: ['url', (v: string) => v],
  repo: ['repo', (v: string) => v],
  number: ['number', (v: number) => v],
  state: ['state', (v: string) => v],
  facts: ['facts', (v: LeadFacts) => toJson(v)],
  contributing: ['contributing', (v: ContributingCheck | undefined) => toJson(v)],
  prUpdatedAt: ['pr_updated_at', (v: string) => v],
  lastEventAt: ['last_event_at', (v: string | undefined) => v ?? null],
  firstReplyAt: ['first_reply_at', (v: Date | undefined) => v?.toISOString() ?? null],
  mergedAt: ['merged_at', (v: Date | undefined) => v?.toISOString() ?? null],
  opportunityId: ['opportunity_id', (v: string | undefined) => v ?? null],
  etag: ['etag', (v: string | undefined) => v ?? null],
};

/** `a = ?, b = ?` and its values, for the keys present in `patch`. */
export function patchSql(patch: LeadPatch): { set: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const column = COLUMNS[key as keyof LeadPatch];
    if (!column || !(key in patch)) continue;
    parts.push(`${column[0]} = ?`);
    params.push(column[1](value as never));
  }
  return { set: parts.join(', '), params };
}
