import { parseOpportunityRef } from '../../domain/opportunity.ts';
import { type ProposalSections, SECTION_KEYS } from '../../domain/proposal.ts';

/**
 * A draft's text in the form it is pasted or posted in. The sections are
 * written in light Markdown (backticks, `- ` lists, bare URLs); Upwork's
 * cover letter is plain text (Markdown there shows as stray marks, and fences
 * as stray lines), GitHub renders the Markdown.
 */
export type ProposalForm = 'plain' | 'markdown';

/** Upwork's list shows the first lines of a proposal: under this the whole letter reads at a glance. */
export const UPWORK_MAX = 1200;

const joined = (sections: ProposalSections) =>
  SECTION_KEYS.map((k) => sections[k].trim())
    .filter((s) => s !== '')
    .join('\n\n');

/** Plain text: no fences (code lines indented instead), no backticks, bold or headings. */
export function plainProposal(sections: ProposalSections): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of joined(sections).split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(`    ${line}`);
      continue;
    }
    out.push(
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/`([^`\n]*)`/g, '$1')
        .replace(/\*\*([^*\n]+)\*\*/g, '$1')
        .replace(/<!--[\s\S]*?-->/g, ''),
    );
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * GitHub Markdown, posted as an issue comment: as written, except that an
 * `@login` quoted from untrusted text does not notify anyone (an empty HTML
 * comment between `@` and the name stops GitHub's mention, and renders as nothing).
 */
export function markdownProposal(sections: ProposalSections): string {
  const lines = joined(sections).split('\n');
  let inFence = false;
  return lines
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence || /^\s*(```|~~~)/.test(line)) return line;
      // Outside inline code spans only: inside them GitHub neither mentions nor renders comments.
      return line
        .split(/(`[^`\n]*`)/)
        .map((part, i) =>
          i % 2 === 1 ? part : part.replace(/(^|[^\w`/])@(?=[A-Za-z0-9])/g, '$1@<!-- -->'),
        )
        .join('');
    })
    .join('\n');
}

export const proposalInForm = (sections: ProposalSections, form: ProposalForm) =>
  form === 'plain' ? plainProposal(sections) : markdownProposal(sections);

/** A GitHub issue's draft is a comment there (Markdown); any other is pasted into a job board (plain). */
export const pasteForm = (opportunityId: string): ProposalForm =>
  parseOpportunityRef(opportunityId)?.source === 'github' ? 'markdown' : 'plain';
