import { z } from 'zod';
import {
  clip,
  type ProposalSections,
  SECTION_KEYS,
  SECTION_LIMITS,
} from '../../domain/proposal.ts';
import { draftCopy } from '../../i18n/proposal-draft.ts';
import type { Brief } from './brief.ts';
import type { DraftedProposal, DraftSettings } from './compose-draft.ts';
import { askForJson, type ChatRequest, LlmLimitError, type LlmOptions } from './llm.ts';
import { plainProposal, UPWORK_MAX } from './proposal-forms.ts';

/** Why an LLM's draft was not used; the template's is, and the asker is told this. */
export type LlmFallback =
  | { kind: 'missing'; facts: string[] }
  | { kind: 'link'; url: string }
  | { kind: 'too-long' }
  | { kind: 'failed' }
  | { kind: 'slow' }
  | { kind: 'large' };

export type LlmDraft =
  | { kind: 'written'; sections: ProposalSections }
  | { kind: 'fallback'; why: LlmFallback };

const answerSchema = z.object({
  problem: z.string().min(1),
  plan: z.string().min(1),
  evidence: z.string().default(''),
  price: z.string().min(1),
});

/** How much of the post the LLM reads: enough to understand it, not a channel for anything large. */
const POST_BODY_MAX = 6000;
const COMMENT_MAX = 1000;

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()"'`\]|]+/gi;

/**
 * The prompt: the instructions (fixed, in the draft's language) are the
 * system message; the facts gigops found, its own draft and the post are
 * the user message, as JSON. The post is data there (a JSON string the
 * instructions call untrusted), never an instruction. Nothing private goes
 * in: no token, no Slack id, no configuration beyond what the draft itself
 * shows (the price line); the freelancer's about and signature are added
 * afterwards, not sent.
 */
export function llmDraftPrompt(
  brief: Brief,
  drafted: DraftedProposal,
  locale: DraftSettings['locale'],
): ChatRequest {
  const { facts } = drafted;
  const mustKeep = [
    ...facts.money,
    `${drafted.hours}`,
    ...facts.evidence,
    ...facts.links,
    ...(brief.label ? [brief.label] : []),
  ];
  return {
    system: draftCopy(locale).llmInstructions,
    user: JSON.stringify({
      language: locale,
      kind: facts.kind,
      facts: {
        greeting: facts.greeting,
        clientWords: facts.quote,
        criteria: facts.ask.criteria,
        musts: facts.ask.musts,
        errors: facts.ask.errors,
        identifiers: facts.ask.identifiers,
        versions: facts.ask.versions,
        questions: facts.ask.questions,
        hours: drafted.hours,
        price: facts.priceLine,
        mustKeep: [...new Set(mustKeep)],
      },
      templateDraft: {
        problem: drafted.sections.problem,
        plan: drafted.sections.plan,
        evidence: drafted.sections.evidence,
        price: facts.priceLine,
      },
      post: {
        untrusted: true,
        kind: brief.kind === 'issue' ? 'GitHub issue' : 'job post',
        title: clip(brief.title, 300),
        body: clip(brief.body, POST_BODY_MAX),
        comments: brief.comments.slice(0, 5).map((c) => clip(c, COMMENT_MAX)),
      },
    }),
  };
}

/**
 * The LLM's whole draft, kept only when it keeps the facts: every money
 * figure, the hours, each piece of evidence and its link are still there; it
 * links nothing gigops did not give it; each part fits its limit and the
 * plain form stays under Upwork's 1,200 characters. The closing (hook,
 * about, signature) is gigops' own, appended. Anything else is a fallback,
 * with the reason.
 */
export function checkLlmDraft(answer: unknown, brief: Brief, drafted: DraftedProposal): LlmDraft {
  const parsed = answerSchema.safeParse(answer);
  if (!parsed.success) return { kind: 'fallback', why: { kind: 'failed' } };
  const { facts } = drafted;
  const clean = (s: string) => stripControls(s).trim();
  const sections: ProposalSections = {
    problem: clean(parsed.data.problem),
    plan: clean(parsed.data.plan),
    evidence: clean(parsed.data.evidence),
    price: [clean(parsed.data.price), ...facts.closing].join('\n\n'),
  };
  const all = SECTION_KEYS.map((k) => sections[k]).join('\n');
  const allowed = new Set([...facts.links, brief.url].filter(Boolean).map(normalizeUrl));
  for (const m of all.matchAll(URL_IN_TEXT)) {
    if (!allowed.has(normalizeUrl(m[0])))
      return { kind: 'fallback', why: { kind: 'link', url: m[0] } };
  }
  const required = [...facts.money, ...facts.evidence, ...facts.links];
  const missing = required.filter((f) => !all.includes(f));
  if (!new RegExp(`(^|\\D)${drafted.hours}(\\D|$)`).test(all)) missing.push(`${drafted.hours} h`);
  if (missing.length > 0) return { kind: 'fallback', why: { kind: 'missing', facts: missing } };
  const tooLong = SECTION_KEYS.some((k) => sections[k].length > SECTION_LIMITS[k]);
  if (tooLong || plainProposal(sections).length >= UPWORK_MAX)
    return { kind: 'fallback', why: { kind: 'too-long' } };
  return { kind: 'written', sections };
}

/** Asks the LLM for the whole draft and checks it; never throws (a failure is a fallback). */
export async function writeDraftWithLlm(
  options: LlmOptions,
  brief: Brief,
  drafted: DraftedProposal,
  locale: DraftSettings['locale'],
): Promise<LlmDraft> {
  try {
    const answer = await askForJson(options, llmDraftPrompt(brief, drafted, locale));
    return checkLlmDraft(answer, brief, drafted);
  } catch (error) {
    if (error instanceof LlmLimitError)
      return { kind: 'fallback', why: { kind: error.limit === 'time' ? 'slow' : 'large' } };
    return { kind: 'fallback', why: { kind: 'failed' } };
  }
}

/** The first link in `text` that is not one of `allowed` (the links gigops gave), if any. */
export function foreignLink(text: string, allowed: readonly string[]): string | undefined {
  const known = new Set(allowed.filter(Boolean).map(normalizeUrl));
  for (const m of text.matchAll(URL_IN_TEXT)) if (!known.has(normalizeUrl(m[0]))) return m[0];
  return undefined;
}

const normalizeUrl = (u: string) =>
  u
    .replace(/[.,;:!?]+$/, '')
    .replace(/\/$/, '')
    .toLowerCase();

/** Control and bidirectional-override characters: an answer's text is shown, never obeyed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we drop
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
const stripControls = (s: string) => s.replace(CONTROLS, '');
