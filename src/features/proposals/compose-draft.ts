import { classifyWork, type WorkKind } from '../../domain/classify-work.ts';
import { estimateHours } from '../../domain/estimate-hours.ts';
import {
  clip,
  type MergedPull,
  type ProposalSections,
  SECTION_LIMITS,
} from '../../domain/proposal.ts';
import type { Locale } from '../../i18n/locale.ts';
import { draftCopy } from '../../i18n/proposal-draft.ts';
import { questionTopic } from './answer-question.ts';
import type { Brief } from './brief.ts';
import { clientWords } from './client-words.ts';
import { type Ask, extractAsk } from './extract-ask.ts';
import { planFacts } from './plan-facts.ts';
import { plainProposal, UPWORK_MAX } from './proposal-forms.ts';
import { reconcilePrice } from './reconcile-price.ts';
import { selectEvidence, topicWords } from './select-evidence.ts';

export interface DraftSettings {
  locale: Locale;
  githubLogin?: string | undefined;
  hourlyRate: number;
  currency: string;
  signature: string;
  hook: string;
  /** One or two sentences about the freelancer (`proposals.about`). */
  about: string;
}

export interface DraftedProposal {
  opportunityId: string;
  issueUrl: string;
  issueTitle: string;
  hours: number;
  sections: ProposalSections;
  /** What the draft was built from, for checking an LLM's version and the rubric. */
  facts: DraftFacts;
}

/** The facts a draft stands on: an LLM's rewrite must keep each of them. */
export interface DraftFacts {
  kind: WorkKind;
  quote: string;
  ask: Ask;
  hours: number;
  /** The greeting line. */
  greeting: string;
  /** Every money figure the draft shows, formatted. */
  money: string[];
  /** The price line alone (without hook, about and signature). */
  priceLine: string;
  /** The evidence shown: `owner/repo#n`, and its links. */
  evidence: string[];
  links: string[];
  /** What closes the draft, in order: hook, about, signature (those set). */
  closing: string[];
}

/** How much detail goes in: the richest level whose plain form fits Upwork's glance. */
// The client's own asks go last: evidence and the freelancer's own words shrink first.
const LEVELS = [
  { criteria: 6, musts: 3, terms: 4, evidence: 3, quote: 150, about: 400 },
  { criteria: 5, musts: 2, terms: 3, evidence: 2, quote: 150, about: 300 },
  { criteria: 4, musts: 1, terms: 3, evidence: 1, quote: 130, about: 240 },
  { criteria: 3, musts: 1, terms: 2, evidence: 1, quote: 110, about: 200 },
  { criteria: 2, musts: 0, terms: 2, evidence: 1, quote: 90, about: 160 },
] as const;
type Level = (typeof LEVELS)[number];

/** Room left for the approver's edits under Upwork's 1,200 characters. */
const TARGET = UPWORK_MAX - 60;

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
/**
 * Problem → plan → evidence → price, from a brief (a GitHub issue or a job
 * post) and the freelancer's merged pull requests. The client's problem in
 * their words opens it, after a greeting; the plan fits the kind of work; the
 * price is reconciled with the bounty or budget; `about` and the signature
 * close it. Pure: same inputs, same draft.
 */
export function composeDraft(
  brief: Brief,
  pulls: readonly MergedPull[],
  settings: DraftSettings,
): DraftedProposal {
  const copy = draftCopy(settings.locale);
  const extracted = extractAsk(brief);
  // Questions for applicants are a job post's; an issue's questions are its subject.
  const ask = brief.kind === 'post' ? extracted : { ...extracted, questions: [] };
  const kind = classifyWork({
    labels: brief.labels,
    // A pasted post's first line is usually its title.
    title: brief.title || (brief.body.trim().split('\n')[0] ?? ''),
    body: brief.body,
    post: brief.kind === 'post',
  });
  const estimate = estimateHours({
    title: brief.title,
    body: brief.body,
    labels: brief.labels,
    commentBodies: brief.comments,
    comments: brief.commentCount,
    kind,
    criteria: ask.criteria.length,
  });
  const quoteFull = clientWords(brief);
  const evidence = settings.githubLogin
    ? selectEvidence(
        {
          project: brief.project,
          labels: brief.labels,
          title: [brief.title, ...ask.skills, ...ask.identifiers].join(' '),
        },
        pulls,
      )
    : [];
  const price = reconcilePrice(copy, brief, estimate, settings);

  let sections: ProposalSections | undefined;
  let level: Level = LEVELS[0];
  for (const each of LEVELS) {
    level = each;
    sections = write(level);
    if (plainProposal(sections).length <= TARGET) break;
  }
  const shown = evidence.slice(0, level.evidence);
  return {
    opportunityId: brief.id,
    issueUrl: brief.url,
    issueTitle: brief.title || clip(quoteFull, 100),
    hours: estimate.hours,
    sections: sections!,
    facts: {
      kind,
      quote: quoteFull,
      ask,
      hours: estimate.hours,
      greeting: copy.greeting(brief.greet),
      money: price.money,
      priceLine: price.text,
      evidence: shown.map((p) => `${p.repo}#${p.number}`),
      links: shown.map((p) => p.url),
      closing: closingOf(level),
    },
  };

  function closingOf(l: Level): string[] {
    return [settings.hook, clip(settings.about.trim(), l.about), settings.signature]
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  function write(level: Level): ProposalSections {
    const problem: string[] = [copy.greeting(brief.greet)];
    const quote = clip(quoteFull, level.quote);
    problem.push(
      brief.kind === 'issue' ? copy.issueLead(kind, quote, brief.label) : copy.postLead(quote),
    );
    const mentioned = [quote];
    const versions = copy.list(ask.versions);
    if (ask.errors[0]) {
      problem.push(copy.error(clip(ask.errors[0], 140), versions));
      mentioned.push(ask.errors[0]);
    }
    const criteria = ask.criteria.slice(0, level.criteria);
    if (criteria.length > 0) {
      problem.push(copy.criteriaLead, ...criteria.map((c) => `- ${c}`));
      mentioned.push(...criteria);
    }
    const musts = ask.musts.slice(0, criteria.length > 0 ? Math.min(1, level.musts) : level.musts);
    if (musts.length > 0) {
      problem.push(copy.mustsLead, ...musts.map((m) => `- ${m}`));
      mentioned.push(...musts);
    }
    // A job post's symptoms ("slow sometimes, crashed twice") are its problem when nothing else is named.
    if (brief.kind === 'post' && criteria.length + musts.length === 0 && ask.symptoms.length > 0) {
      problem.push(copy.symptomsLead, ...ask.symptoms.map((m) => `- ${m}`));
      mentioned.push(...ask.symptoms);
    }
    const steps = copy.plan(kind, planFacts(brief, ask, kind));
    const said = [...mentioned, ...steps].join('\n').toLowerCase();
    const skills = ask.skills.filter((k) => k !== 'Go');
    const known = new Set(skills.map((k) => k.toLowerCase()));
    const terms = ask.identifiers
      .filter((id) => !said.includes(id.toLowerCase()) && !known.has(id.toLowerCase()))
      .slice(0, level.terms)
      .map(code);
    if (!ask.errors[0] && ask.versions.length > 0) terms.push(...ask.versions);
    if (terms.length > 0) problem.push(copy.terms(copy.list(terms)));
    if (brief.kind === 'post' && skills.length > 0) problem.push(copy.skills(copy.list(skills)));

    const plan = [copy.planLead, ...steps.map((s, i) => `${i + 1}. ${s}`)];
    if (ask.questions.length > 0) {
      plan.push('', copy.questionsLead);
      ask.questions.forEach((q, i) => {
        plan.push(`${i + 1}. ${q}`, `   ${answer(q, steps[0]!)}`);
      });
    }

    let evidenceText: string;
    if (!settings.githubLogin) evidenceText = copy.evidenceNoLogin;
    else if (evidence.length === 0) evidenceText = copy.evidenceNone(settings.githubLogin);
    else
      evidenceText = [
        copy.evidenceLead,
        ...evidence
          .slice(0, level.evidence)
          .map((p) => copy.evidenceLine(p.repo, p.number, clip(p.title, 70), p.url)),
      ].join('\n');

    const closing = [price.text, ...closingOf(level)];

    return {
      problem: clip(problem.join('\n'), SECTION_LIMITS.problem),
      plan: clip(plan.join('\n'), SECTION_LIMITS.plan),
      evidence: clip(evidenceText, SECTION_LIMITS.evidence),
      price: clip(closing.join('\n\n'), SECTION_LIMITS.price),
    };
  }

  function answer(question: string, firstStep: string): string {
    const topic = questionTopic(question);
    const words = topicWords(question);
    const proof = evidence.find((p) =>
      [...topicWords(`${p.repo} ${p.title}`)].some((w) => words.has(w)),
    );
    return copy.answer(topic, {
      proof: proof ? `${proof.repo}#${proof.number}, ${clip(proof.title, 60)}` : '',
      days: Math.max(1, Math.ceil(estimate.hours / 6)),
      hours: estimate.hours,
      price: price.short,
      firstStep,
    });
  }
}
