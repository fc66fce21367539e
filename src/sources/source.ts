import type { Candidate, OpportunityRef } from '../domain/opportunity.ts';
import { parseOpportunityRef } from '../domain/opportunity.ts';
import type { RadarFilters } from '../domain/parse-gigs-command.ts';

/**
 * Where opportunities come from: the GitHub issue search is the first; a
 * bounty board or pasted job posts are more. A source is one folder under
 * src/sources/ and one line in main.ts; the radar ranks, lists and dismisses
 * its candidates, and proposals draft from them, without knowing which it is.
 */
export interface OpportunitySource {
  /** The id prefix: an opportunity's id is `name:key`. Lower case, no colon. */
  readonly name: string;
  /** Whether `key` is one this source could have made (button values are untrusted). */
  isKey(key: string): boolean;
  /** Open candidates for a `/gigs` filter (the source may cache them). */
  search(filters: RadarFilters): Promise<Candidate[]>;
  /**
   * One candidate, fresh, for drafting. Throws a GigopsError: OpportunityGone
   * when it no longer exists, another code when the source cannot answer.
   */
  get(key: string): Promise<Candidate>;
}

/** The sources the bot was built with, by name. */
export class OpportunitySources {
  readonly #byName = new Map<string, OpportunitySource>();

  constructor(sources: readonly OpportunitySource[]) {
    for (const s of sources) {
      if (this.#byName.has(s.name)) throw new Error(`two opportunity sources named ${s.name}`);
      this.#byName.set(s.name, s);
    }
  }

  get all(): OpportunitySource[] {
    return [...this.#byName.values()];
  }

  /** An id → its source and key, when a known source could have made it; else undefined. */
  resolve(id: string): (OpportunityRef & { from: OpportunitySource }) | undefined {
    const ref = parseOpportunityRef(id);
    const from = ref && this.#byName.get(ref.source);
    return ref && from?.isKey(ref.key) ? { ...ref, from } : undefined;
  }

  /** Every source's candidates for a filter, in the order the sources were given. */
  async search(filters: RadarFilters): Promise<Candidate[]> {
    const found = await Promise.all(this.all.map((s) => s.search(filters)));
    return found.flat();
  }
}
