import type { MergedPull } from '../../domain/proposal.ts';

/** What evidence is ranked against: the repository, the labels and the words of the ask. */
export interface EvidenceTopic {
  project: string;
  labels: readonly string[];
  title: string;
}

const STOP = new Set(
  'a an and are as at be by for from in is it of on or that the this to when with not does do can cannot should use using add fix support'.split(
    ' ',
  ),
);

export function topicWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

/**
 * The freelancer's most relevant merged pull requests for an issue or a post:
 * the same repository first, then shared labels, then shared words (the
 * title, and for a post its skills and identifiers); ties go to the most
 * recently merged. Relevance is ordinal, so a same-repo PR always outranks a
 * topical one elsewhere.
 */
export function selectEvidence(
  issue: EvidenceTopic,
  pulls: readonly MergedPull[],
  limit = 3,
): MergedPull[] {
  const repo = issue.project.toLowerCase();
  const labels = new Set(issue.labels.map((l) => l.toLowerCase()));
  const words = topicWords(`${issue.title} ${issue.labels.join(' ')}`);
  const unique = [...new Map(pulls.map((p) => [p.url, p])).values()];
  const scored = unique.map((p) => {
    const sameRepo = p.repo.toLowerCase() === repo ? 1 : 0;
    const sharedLabels = p.labels.filter((l) => labels.has(l.toLowerCase())).length;
    const pw = topicWords(p.title);
    const sharedWords = [...pw].filter((w) => words.has(w)).length;
    return { p, key: [sameRepo, sharedLabels + sharedWords, p.mergedAt?.getTime() ?? 0] };
  });
  scored.sort((a, b) => {
    for (let i = 0; i < a.key.length; i += 1) {
      const d = b.key[i]! - a.key[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  return scored.slice(0, limit).map((s) => s.p);
}
