import { type ProposalSections, SECTION_KEYS, SECTION_LIMITS } from '../../domain/proposal.ts';

export type SectionProblem =
  | { kind: 'required' }
  | { kind: 'too-long'; max: number; length: number };

/**
 * Checks edited sections: problem and plan must say something; every part
 * stays within its limit (together under Slack's 3,000-char section limit).
 */
export function validateProposalEdit(
  input: Record<keyof ProposalSections, string | undefined>,
):
  | { ok: true; sections: ProposalSections }
  | { ok: false; problems: Partial<Record<keyof ProposalSections, SectionProblem>> } {
  const sections = {} as ProposalSections;
  const problems: Partial<Record<keyof ProposalSections, SectionProblem>> = {};
  for (const key of SECTION_KEYS) {
    const value = (input[key] ?? '').replace(/\r\n/g, '\n').trim();
    sections[key] = value;
    if ((key === 'problem' || key === 'plan') && value === '') problems[key] = { kind: 'required' };
    else if (value.length > SECTION_LIMITS[key])
      problems[key] = { kind: 'too-long', max: SECTION_LIMITS[key], length: value.length };
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, sections };
}
