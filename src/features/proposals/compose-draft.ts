import { estimateHours, hasReproduction, issueKind } from '../../domain/estimate-hours.ts';
import {
  clip,
  type IssueFacts,
  type MergedPull,
  type ProposalSections,
  SECTION_LIMITS,
} from '../../domain/proposal.ts';
import type { Locale } from '../../i18n/locale.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { selectEvidence } from './select-evidence.ts';

export interface DraftSettings {
  locale: Locale;
  githubLogin?: string | undefined;
  hourlyRate: number;
  currency: string;
  signature: string;
  hook: string;
}

export interface DraftedProposal {
  opportunityId: string;
  issueUrl: string;
  issueTitle: string;
  hours: number;
  sections: ProposalSections;
}

const ERROR_LINE = /(panic:|fatal error:|error:|Error:|FAIL|undefined:|cannot use|DATA RACE)/;

/** The first fenced (or indented) code block of a text, without fences. */
export function codeBlocks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/```[\w-]*\n?([\s\S]*?)```/g)) {
    const body = m[1]!.trim();
    if (body) out.push(body);
  }
  return out;
}

/** The reported error, else the reproduction, from the issue (or its comments). */
export function findEvidenceOfProblem(
  issue: IssueFacts,
): { kind: 'error' | 'repro'; text: string } | undefined {
  const texts = [issue.body, ...issue.commentBodies];
  for (const t of texts) {
    const block = codeBlocks(t).find((b) => ERROR_LINE.test(b));
    if (block) return { kind: 'error', text: firstLines(block, 6) };
    const line = t.split('\n').find((l) => ERROR_LINE.test(l) && l.length < 300);
    if (line) return { kind: 'error', text: line.trim() };
  }
  for (const t of texts) {
    const block = codeBlocks(t)[0];
    if (block) return { kind: 'repro', text: firstLines(block, 8) };
  }
  return undefined;
}

const firstLines = (text: string, n: number) => {
  const lines = text.split('\n');
  return lines.length > n ? `${lines.slice(0, n).join('\n')}\n…` : text;
};

const money = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const day = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : '?');
const cleanTitle = (t: string) =>
  t.replace(/^\s*(\[[^\]]*\]|[\w/.-]+:)\s*/, '').replace(/\.\s*$/, '');

/**
 * Problem → plan → evidence → price, from an issue and the freelancer's
 * merged pull requests. Pure: same inputs, same draft.
 */
export function draftProposal(
  issue: IssueFacts,
  pulls: MergedPull[],
  settings: DraftSettings,
): DraftedProposal {
  const copy = proposalCopy(settings.locale);
  const repo = issue.project;
  const ref = issue.label;
  const kind = issueKind(issue.labels);
  const estimate = estimateHours(issue);
  const found = findEvidenceOfProblem(issue);

  const problem: string[] = [copy.problemLead(kind, repo, clip(cleanTitle(issue.title), 150))];
  if (found) {
    problem.push(
      // Clipped inside the fences, so the section limit never cuts a code block open.
      `${found.kind === 'error' ? copy.problemError : copy.problemRepro}\n\`\`\`\n${clip(found.text, 450)}\n\`\`\``,
    );
  } else {
    problem.push(copy.problemNoRepro);
  }
  if (issue.comments + issue.reactions > 0)
    problem.push(copy.problemImpact(issue.comments, issue.reactions));

  const steps = copy.planSteps(kind, hasReproduction(issue.body), ref);
  const why = estimate.reasons.map((r) => copy.reasons[r]);
  const plan = [...steps.map((s, i) => `${i + 1}. ${s}`), copy.planEstimate(estimate.hours, why)];

  let evidence: string;
  if (!settings.githubLogin) evidence = copy.evidenceNoLogin;
  else {
    const chosen = selectEvidence(issue, pulls);
    evidence = chosen.length
      ? [
          copy.evidenceLead,
          ...chosen.map((p) =>
            copy.evidenceLine(p.repo, p.number, p.title, p.url, day(p.mergedAt)),
          ),
        ].join('\n')
      : copy.evidenceNone(settings.githubLogin);
  }

  const total = money(estimate.hours * settings.hourlyRate);
  const price = [
    copy.price(estimate.hours, settings.hourlyRate, settings.currency, total),
    settings.hook,
    settings.signature,
  ]
    .filter((s) => s.trim() !== '')
    .join('\n');

  return {
    opportunityId: issue.id,
    issueUrl: issue.url,
    issueTitle: issue.title,
    hours: estimate.hours,
    sections: {
      problem: clip(problem.join('\n'), SECTION_LIMITS.problem),
      plan: clip(plan.join('\n'), SECTION_LIMITS.plan),
      evidence: clip(evidence, SECTION_LIMITS.evidence),
      price: clip(price, SECTION_LIMITS.price),
    },
  };
}
