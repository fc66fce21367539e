import { describe, expect, it } from 'vitest';
import { commonCopy } from '../src/i18n/common.ts';
import { deliveryCopy } from '../src/i18n/delivery.ts';
import { homeSectionsCopy } from '../src/i18n/home-sections.ts';
import { leadCopy, leadsCommandCopy } from '../src/i18n/leads.ts';
import { funnelCopy } from '../src/i18n/leads-funnel.ts';
import { LOCALES, type Locale, pick } from '../src/i18n/locale.ts';
import { draftCopy } from '../src/i18n/proposal-draft.ts';
import { proposalCopy } from '../src/i18n/proposals.ts';
import { radarCopy } from '../src/i18n/radar.ts';
import { reportCopy } from '../src/i18n/reports.ts';
import { homeCopy, snapshotCopy } from '../src/i18n/snapshots.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import { tempDir } from './support/env.ts';

const sets = {
  commonCopy,
  deliveryCopy,
  draftCopy,
  homeSectionsCopy,
  leadCopy,
  leadsCommandCopy,
  funnelCopy,
  proposalCopy,
  radarCopy,
  reportCopy,
  snapshotCopy,
  homeCopy,
};

/** Every key path of a copy set, with the kind of value (text, function, list, map). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (Array.isArray(value)) return [`${path}[${value.length}]`];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => shape(v, `${path}.${k}`));
  return [path];
}

describe('copy', () => {
  it.each(Object.entries(sets))('%s has the same keys in every locale', (_name, copy) => {
    const [first, ...rest] = LOCALES.map((l) => shape(copy(l)).sort());
    for (const other of rest) expect(other).toEqual(first);
  });

  it('refuses a locale it does not know instead of answering in English', () => {
    expect(() => pick({ en: 'a', 'zh-CN': 'b' }, 'fr' as Locale)).toThrow('unknown locale "fr"');
  });

  it('a stored draft in a locale this version does not know is an error, not English', async () => {
    const store = createSqliteStore(tempDir());
    await store.ready();
    const draft = {
      id: 'd1',
      opportunityId: 'acme/pool#7',
      issueUrl: 'https://github.com/acme/pool/issues/7',
      issueTitle: 't',
      locale: 'fr' as Locale,
      sections: { problem: 'p', plan: 'q', evidence: 'e', price: 'r' },
      hours: 1,
      requestedBy: 'U1',
      channel: 'C1',
      ts: '1.1',
      threadTs: undefined,
      similar: undefined,
      createdAt: new Date(),
    };
    await expect(store.proposals.create(draft)).rejects.toThrow(/locale/);
    await store.close();
  });
});
