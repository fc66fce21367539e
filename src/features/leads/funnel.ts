import type { LeadRecord } from '../../domain/lead.ts';
import type { FunnelRows } from '../../store/repositories/leads.ts';

export const STEPS = [
  'listed',
  'drafted',
  'approved',
  'sent',
  'prOpened',
  'validated',
  'won',
] as const;
export type Step = (typeof STEPS)[number];

export interface StepCount {
  step: Step;
  count: number;
  /** Share of the step before, 0–1; undefined for the first step or after an empty one. */
  rate: number | undefined;
}

export interface Funnel {
  /** One per opportunity source (`github`, `post`…), from listed to won. */
  sources: Array<{ source: string; steps: StepCount[] }>;
  /** Leads that close no listed opportunity: PR opened → validated → won. */
  direct: StepCount[];
  open: number;
  validated: number;
  won: number;
  medianReplyDays: number | undefined;
  replied: number;
  merged: number;
  /** Pull requests still visible (gone ones are unknown). */
  total: number;
  /** Newest month first: `2026-11`, its sum and how many, per currency. */
  wonByMonth: Array<{ month: string; currency: string; amount: number; count: number }>;
}

/** `github:owner/repo#12` → `github`; an id without a prefix predates sources: GitHub. */
export const sourceOf = (opportunityId: string) => {
  const colon = opportunityId.indexOf(':');
  return colon > 0 ? opportunityId.slice(0, colon) : 'github';
};

const median = (xs: number[]) => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Counts each step of each source: how many opportunities reached that step
 * or a later one (a pull request for an issue drafted outside gigops still
 * went through "listed"), so no rate exceeds 100%. Pure.
 */
export function buildFunnel(rows: FunnelRows, leads: LeadRecord[], monthOf: (d: Date) => string) {
  const reached = new Map<Step, Set<string>>(STEPS.map((s) => [s, new Set<string>()]));
  const add = (step: Step, id: string) => reached.get(step)!.add(id);
  for (const id of rows.listed) add('listed', id);
  const sent = new Set(rows.sent);
  for (const p of rows.proposals) {
    add('drafted', p.opportunityId);
    if (p.state === 'approved') add('approved', p.opportunityId);
    if (sent.has(p.id)) add('sent', p.opportunityId);
  }
  const linked = leads.filter((l) => l.opportunityId !== undefined);
  for (const l of linked) {
    add('prOpened', l.opportunityId!);
    if (l.validatedAt) add('validated', l.opportunityId!);
    if (l.won) add('won', l.opportunityId!);
  }
  // Reaching a step means passing the ones before it.
  for (let i = STEPS.length - 1; i > 0; i--)
    for (const id of reached.get(STEPS[i]!)!) add(STEPS[i - 1]!, id);
  const sources = [...new Set([...reached.get('listed')!].map(sourceOf))].sort();
  if (!sources.includes('github')) sources.unshift('github');
  const countSteps = (counts: Array<[Step, number]>): StepCount[] =>
    counts.map(([step, count], i) => {
      const before = counts[i - 1]?.[1];
      return { step, count, rate: before ? count / before : undefined };
    });
  const direct = leads.filter((l) => l.opportunityId === undefined);
  const visible = leads.filter((l) => l.state !== 'gone');
  const replyDays = leads
    .filter((l) => l.firstReplyAt)
    .map((l) => (l.firstReplyAt!.getTime() - l.prCreatedAt.getTime()) / 86_400_000);
  const months = new Map<
    string,
    { month: string; currency: string; amount: number; count: number }
  >();
  for (const l of leads) {
    if (!l.won) continue;
    const month = monthOf(l.won.at);
    const key = `${month} ${l.won.currency}`;
    const m = months.get(key) ?? { month, currency: l.won.currency, amount: 0, count: 0 };
    m.amount += l.won.amount;
    m.count += 1;
    months.set(key, m);
  }
  return {
    sources: sources.map((source) => ({
      source,
      steps: countSteps(
        STEPS.map((s) => [s, [...reached.get(s)!].filter((id) => sourceOf(id) === source).length]),
      ),
    })),
    direct: countSteps([
      ['prOpened', direct.length],
      ['validated', direct.filter((l) => l.validatedAt).length],
      ['won', direct.filter((l) => l.won).length],
    ]),
    open: leads.filter((l) => l.state === 'open').length,
    validated: leads.filter((l) => l.validatedAt).length,
    won: leads.filter((l) => l.won).length,
    medianReplyDays: median(replyDays),
    replied: replyDays.length,
    merged: visible.filter((l) => l.state === 'merged').length,
    total: visible.length,
    wonByMonth: [...months.values()].sort((a, b) => b.month.localeCompare(a.month)),
  } satisfies Funnel;
}
