/**
 * How alike two proposals are, 0..1: the Dice coefficient of their word
 * trigrams (lower-cased, punctuation dropped; CJK text by character). Shared
 * boilerplate alone stays well under the 0.8 flag; a copied problem and plan
 * goes over it.
 */
export const SIMILARITY_THRESHOLD = 0.8;

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\p{Script=Han}]/gu, (c) => ` ${c} `)
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((t) => t.length > 0);
}

function trigrams(text: string): Set<string> {
  const t = tokens(text);
  if (t.length < 3) return new Set(t.length ? [t.join(' ')] : []);
  const out = new Set<string>();
  for (let i = 0; i + 2 < t.length; i += 1) out.add(`${t[i]} ${t[i + 1]} ${t[i + 2]}`);
  return out;
}

export function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

/** The most similar earlier text over the threshold, if any. */
export function findSimilar<T extends { text: string }>(
  text: string,
  earlier: readonly T[],
  threshold = SIMILARITY_THRESHOLD,
): { item: T; score: number } | undefined {
  let best: { item: T; score: number } | undefined;
  for (const item of earlier) {
    const score = similarity(text, item.text);
    if (score > threshold && (!best || score > best.score)) best = { item, score };
  }
  return best;
}
