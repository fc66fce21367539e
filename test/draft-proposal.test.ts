import { describe, expect, it } from 'vitest';
import { estimateHours } from '../src/domain/estimate-hours.ts';
import type { MergedPull, ProposalRecord } from '../src/domain/proposal.ts';
import { SECTION_LIMITS } from '../src/domain/proposal.ts';
import { briefOf } from '../src/features/proposals/brief.ts';
import { composeDraft, type DraftSettings } from '../src/features/proposals/compose-draft.ts';
import { renderProposal } from '../src/features/proposals/draft-blocks.ts';
import { toMergedPulls } from '../src/features/proposals/merged-pulls.ts';
import { renderEditModal, renderRejectModal } from '../src/features/proposals/modal-blocks.ts';
import { plainProposal } from '../src/features/proposals/proposal-forms.ts';
import { selectEvidence } from '../src/features/proposals/select-evidence.ts';
import { findSimilar, similarity } from '../src/features/proposals/similarity.ts';
import { validateProposalEdit } from '../src/features/proposals/validate-edit.ts';
import { type IssueRef, issueCandidate } from '../src/sources/github/issue.ts';
import {
  goPanicIssue,
  openapiIssue,
  openapiSearchPulls,
  recordedIssue,
} from './support/github-fixtures.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';

/** An issue payload and its comments' bodies, as drafting reads them (through the GitHub source). */
const toBrief = (raw: unknown, ref: IssueRef, comments: string[] = []) =>
  briefOf(
    issueCandidate(
      raw,
      ref,
      comments.map((body) => ({ body })),
    ),
  );

const settings = (over: Partial<DraftSettings> = {}): DraftSettings => ({
  locale: 'en',
  githubLogin: 'jane-go',
  hourlyRate: 90,
  currency: 'USD',
  signature: 'Jane — Go engineer',
  hook: 'I can start on Monday.',
  about: 'I have shipped Go for nine years.',
  ...over,
});

const pull = (repo: string, number: number, title: string, labels: string[] = [], day = 1) =>
  ({
    repo,
    number,
    title,
    url: `https://github.com/${repo}/pull/${number}`,
    labels,
    mergedAt: new Date(Date.UTC(2026, 0, day)),
  }) satisfies MergedPull;

const record = (over: Partial<ProposalRecord> = {}): ProposalRecord => {
  const d = composeDraft(
    toBrief(goPanicIssue(), { owner: 'acme', repo: 'pool', number: 7 }),
    [],
    settings(),
  );
  return {
    id: 'draft-1',
    opportunityId: d.opportunityId,
    issueUrl: d.issueUrl,
    issueTitle: d.issueTitle,
    hours: d.hours,
    sections: d.sections,
    locale: 'en',
    state: 'drafted',
    version: 1,
    requestedBy: 'U0USER',
    channel: 'C0CHANNEL',
    ts: '1.2',
    threadTs: undefined,
    similar: undefined,
    decidedBy: undefined,
    decidedAt: undefined,
    rejectReason: undefined,
    createdAt: new Date('2026-11-23T10:00:00Z'),
    updatedAt: new Date('2026-11-23T10:00:00Z'),
    ...over,
  };
};

describe('composeDraft on real issue payloads', () => {
  it('writes the official issue example as greeting, problem → plan → evidence → price (en)', () => {
    const d = composeDraft(
      toBrief(openapiIssue(), { owner: 'octocat', repo: 'Hello-World', number: 1347 }),
      [pull('octocat/Hello-World', 3, 'Fix bug in greeting')],
      settings(),
    );
    expect(d.opportunityId).toBe('github:octocat/Hello-World#1347');
    // The maintainer by name, then the problem in their words.
    expect(d.sections.problem).toBe(
      'Hi octocat,\nYou reported "Found a bug" (octocat/Hello-World#1347).',
    );
    // Restated, not copied: the body is not pasted in.
    expect(d.sections.problem).not.toContain("I'm having a problem with this.");
    // A bug with no reproduction: building one is the first step.
    expect(d.sections.plan).toMatch(/^My plan:\n1\. Reproduce it first, as a failing Go test\./);
    expect(d.sections.plan).toContain('regression test');
    // bug 4 + no repro 2 + tests/docs 1 = 7 h
    expect(d.hours).toBe(7);
    expect(d.sections.evidence).toContain('octocat/Hello-World#3: Fix bug in greeting');
    expect(d.sections.evidence).toContain('https://github.com/octocat/Hello-World/pull/3');
    expect(d.sections.price).toBe(
      [
        '7 h (bug fix, no reproduction yet) at $90/h: $630, fixed unless the scope changes.',
        'I can start on Monday.',
        'I have shipped Go for nine years.',
        'Jane — Go engineer',
      ].join('\n\n'),
    );
  });

  it('drafts the same issue in 简体中文, money in that locale’s one format', () => {
    const d = composeDraft(
      toBrief(openapiIssue(), { owner: 'octocat', repo: 'Hello-World', number: 1347 }),
      [],
      settings({ locale: 'zh-CN' }),
    );
    expect(d.sections.problem).toBe(
      'octocat，你好：\n你在 octocat/Hello-World#1347 中报告：「Found a bug」。',
    );
    expect(d.sections.plan).toContain('1. 先复现问题，写成一个失败的 Go 测试。');
    expect(d.sections.evidence).toBe('尚未找到 jane-go 已合并的 Go PR。');
    expect(d.sections.price).toContain('7 小时（缺陷修复、尚无复现），按 US$90/小时：US$630');
  });

  it('quotes the error, names the failing function and fixes it there', () => {
    const d = composeDraft(
      toBrief(goPanicIssue(), { owner: 'acme', repo: 'pool', number: 7 }),
      [],
      settings(),
    );
    expect(d.sections.problem).toContain('"panic on Close while a Get is in flight"');
    expect(d.sections.problem).toContain('The error: `panic: send on closed channel`.');
    // No self-defeating or idle statistics: counts of comments or reactions are not a bid.
    expect(d.sections.problem).not.toMatch(/comments|reactions/);
    expect(d.sections.plan).toContain('1. Turn your report into a failing Go test.');
    expect(d.sections.plan).toContain('Fix the root cause in `(*Pool).Put`');
    // bug 4 + concurrency 4 + long discussion 2 + tests/docs 1
    expect(d.hours).toBe(11);
    expect(d.sections.price).toContain('$990');
  });

  it('drafts a recorded api.github.com issue without labels or body, in both locales', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const brief = toBrief(recordedIssue(), {
        owner: 'octokit-fixture-org',
        repo: 'paginate-issues',
        number: 13,
      });
      const d = composeDraft(brief, [], settings({ locale, githubLogin: undefined }));
      expect(d.sections.problem).toContain('Test issue 13');
      expect(d.sections.evidence).toContain('proposals.githubLogin');
      for (const [key, max] of Object.entries(SECTION_LIMITS))
        expect(d.sections[key as keyof typeof SECTION_LIMITS].length).toBeLessThanOrEqual(max);
    }
  });

  it('finds the error in comments when the body has none', () => {
    const brief = toBrief(openapiIssue(), { owner: 'o', repo: 'r', number: 1 }, [
      'Me too',
      'Here:\n```go\nerr := pool.Close()\nfmt.Println(err) // error: already closed\n```',
    ]);
    const d = composeDraft(brief, [], settings());
    expect(d.sections.problem).toContain('error: already closed');
    expect(d.sections.plan).toContain('Turn your report into a failing Go test.');
  });

  it('keeps every part within its limit, and the plain form under 1,200 chars, for a huge report', () => {
    const raw = {
      ...goPanicIssue(),
      title: 'x'.repeat(400),
      body: `\`\`\`\npanic: ${'boom '.repeat(400)}\n${'at x\n'.repeat(500)}\`\`\`\n${'- [ ] must do a thing\n'.repeat(40)}`,
    };
    const d = composeDraft(
      toBrief(raw, { owner: 'o', repo: 'r', number: 1 }),
      [],
      settings({ about: 'a'.repeat(2000) }),
    );
    for (const [key, max] of Object.entries(SECTION_LIMITS))
      expect(d.sections[key as keyof typeof SECTION_LIMITS].length).toBeLessThanOrEqual(max);
    expect(plainProposal(d.sections).length).toBeLessThan(1200);
    // A cut never leaves a code span open.
    expect((d.sections.problem.match(/`/g) ?? []).length % 2).toBe(0);
  });
});

describe('estimateHours', () => {
  it('halves good first issues and never goes under 2 h or over 40 h', () => {
    const base = { title: 'x', body: '', labels: [], commentBodies: [], comments: 0 };
    const easy = { ...base, labels: ['documentation', 'good first issue'], body: '```\nx\n```' };
    expect(estimateHours(easy)).toEqual({
      hours: 2,
      reasons: ['kind-docs', 'good-first-issue', 'tests-docs'],
    });
    const hard = {
      ...base,
      labels: ['enhancement'],
      body: `deadlock ${'y'.repeat(3000)}`,
      comments: 40,
    };
    // feature 8 + hard 4 + long discussion 2 + long report 2 + tests 1
    expect(estimateHours(hard).hours).toBe(17);
    expect(estimateHours({ ...hard, body: 'y'.repeat(30_000), criteria: 40 }).hours).toBe(15);
  });

  it('asks a reproduction only of a bug, a benchmark only of a slowdown', () => {
    const base = { title: '', body: '', commentBodies: [], comments: 0 };
    expect(estimateHours({ ...base, labels: ['bug'] }).reasons).toContain('no-repro');
    expect(estimateHours({ ...base, labels: ['enhancement'] }).reasons).not.toContain('no-repro');
    expect(estimateHours({ ...base, labels: ['performance'] }).reasons).toEqual([
      'kind-performance',
      'no-benchmark',
      'tests-docs',
    ]);
    expect(
      estimateHours({ ...base, labels: ['performance'], body: 'EncodeStruct-8 1.21µs 3.64µs' })
        .reasons,
    ).not.toContain('no-benchmark');
  });
});

describe('selectEvidence', () => {
  const issue = { project: 'acme/pool', labels: ['bug'], title: 'pool: panic on Close' };

  it('puts the same repository first, then shared labels and topic, then recency', () => {
    const pulls = [
      pull('other/cli', 1, 'Add colour output', [], 30),
      pull('other/net', 2, 'Fix panic on Close in connection pool', ['bug'], 2),
      pull('acme/pool', 3, 'Tidy README', [], 1),
      pull('other/db', 4, 'Pool: avoid deadlock in Get', [], 3),
    ];
    expect(selectEvidence(issue, pulls).map((p) => p.number)).toEqual([3, 2, 4]);
  });

  it('reads merged pull requests from the official search example', () => {
    const pulls = toMergedPulls(openapiSearchPulls());
    expect(pulls[0]).toMatchObject({
      repo: 'batterseapower/pinyin-toolkit',
      number: 132,
      labels: ['bug'],
    });
    const chosen = selectEvidence(issue, [...pulls, pull('acme/pool', 9, 'Fix leak')]);
    expect(chosen[0]!.repo).toBe('acme/pool');
  });

  it('drops duplicates', () => {
    const p = pull('a/b', 1, 'x');
    expect(selectEvidence(issue, [p, { ...p }])).toHaveLength(1);
  });
});

describe('similarity', () => {
  it('flags a near copy and leaves two different drafts alone', () => {
    const a = composeDraft(
      toBrief(goPanicIssue(), { owner: 'acme', repo: 'pool', number: 7 }),
      [],
      settings(),
    );
    const b = composeDraft(
      toBrief(openapiIssue(), { owner: 'octocat', repo: 'Hello-World', number: 1 }),
      [],
      settings(),
    );
    const text = (d: typeof a) => `${d.sections.problem}\n${d.sections.plan}`;
    expect(similarity(text(a), text(b))).toBeLessThan(0.8);
    const copied = `${text(a)} Thanks.`;
    expect(similarity(copied, text(a))).toBeGreaterThan(0.8);
    expect(findSimilar(copied, [{ text: text(b) }, { text: text(a) }])?.item.text).toBe(text(a));
    expect(findSimilar(text(b), [{ text: text(a) }])).toBeUndefined();
    expect(similarity('', 'x')).toBe(0);
  });
});

describe('validateProposalEdit', () => {
  it('requires problem and plan and enforces limits', () => {
    const r = validateProposalEdit({
      problem: '  ',
      plan: 'p',
      evidence: 'e'.repeat(601),
      price: undefined,
    });
    expect(r).toEqual({
      ok: false,
      problems: {
        problem: { kind: 'required' },
        evidence: { kind: 'too-long', max: 600, length: 601 },
      },
    });
    expect(
      validateProposalEdit({ problem: 'a', plan: 'b', evidence: '', price: '' }),
    ).toMatchObject({ ok: true });
  });
});

describe('proposal Block Kit', () => {
  it('renders the draft with the four parts and buttons carrying the draft id', () => {
    const m = renderProposal(record(), { canPolish: false });
    expectWithinSlackLimits(m.blocks);
    const json = JSON.stringify(m.blocks);
    for (const id of ['proposal_approve', 'proposal_edit', 'proposal_reject'])
      expect(json).toContain(id);
    expect(json).not.toContain('proposal_polish');
    expect(JSON.stringify(renderProposal(record(), { canPolish: true }).blocks)).toContain(
      'proposal_polish',
    );
    expect(json).toContain('"value":"draft-1"');
  });

  it('shows the similarity flag before approval', () => {
    const m = renderProposal(
      record({ similar: { draftId: 'd0', opportunityId: 'x/y#1', score: 0.91 } }),
      {
        canPolish: false,
      },
    );
    expect(JSON.stringify(m.blocks)).toContain('91% the same as the proposal for x/y#1');
  });

  it('renders the approved form once-copyable and stamped, the rejected one as one line', () => {
    const approved = renderProposal(
      record({
        state: 'approved',
        decidedBy: 'U0BOSS',
        decidedAt: new Date('2026-11-23T11:05:00Z'),
      }),
      { canPolish: true },
    );
    expectWithinSlackLimits(approved.blocks);
    expect(approved.blocks.filter((b) => b.type === 'section')).toHaveLength(1);
    expect(JSON.stringify(approved.blocks)).toContain(
      'Approved by <@U0BOSS> on 2026-11-23 11:05 UTC',
    );
    expect(JSON.stringify(approved.blocks)).not.toContain('proposal_approve');
    const rejected = renderProposal(
      record({
        state: 'rejected',
        decidedBy: 'U0BOSS',
        decidedAt: new Date(),
        rejectReason: 'too small',
      }),
      { canPolish: false },
    );
    expect(rejected.blocks).toHaveLength(1);
    expect(rejected.text).toContain('rejected by <@U0BOSS>');
    expect(rejected.text).toContain('too small');
  });

  it('offers the approved text as it pastes: Markdown for a GitHub issue, plain text for a post', () => {
    const sections = {
      problem: 'Hi @octocat,\nThe error:\n```\npanic: boom <!channel>\n```',
      plan: '1. Fix `(*Pool).Put`.',
      evidence: '- a/b#1: Fix **it** https://github.com/a/b/pull/1',
      price: '$630.',
    };
    const approved = (opportunityId: string) =>
      renderProposal(
        record({
          opportunityId,
          sections,
          state: 'approved',
          decidedBy: 'U0BOSS',
          decidedAt: new Date('2026-11-23T11:05:00Z'),
        }),
        { canPolish: false },
      );
    const texts = (m: ReturnType<typeof approved>) =>
      m.blocks
        .filter((b) => b.type === 'section')
        .map((b) => (b as { text: { type: string; text: string } }).text);

    const github = texts(approved('github:acme/pool#7'));
    expect(github).toHaveLength(1);
    // Shown verbatim (plain_text: no mrkdwn, so `<!channel>` is not a ping), not wrapped in a code block.
    expect(github[0]!.type).toBe('plain_text');
    expect(github[0]!.text).toBe(
      [
        'Hi @<!-- -->octocat,\nThe error:\n```\npanic: boom <!channel>\n```',
        '1. Fix `(*Pool).Put`.',
        '- a/b#1: Fix **it** https://github.com/a/b/pull/1',
        '$630.',
      ].join('\n\n'),
    );
    const post = texts(approved('post:3f2a9c'));
    expect(post[0]!.type).toBe('plain_text');
    expect(post[0]!.text).not.toMatch(/```|`|\*\*/);
    expect(post[0]!.text).toContain('    panic: boom <!channel>');
    expect(post[0]!.text).toContain('1. Fix (*Pool).Put.');
    expect(JSON.stringify(approved('post:3f2a9c').blocks)).toContain('Upwork’s terms forbid');
    // Only a GitHub issue's draft offers Comment on GitHub.
    expect(JSON.stringify(approved('github:acme/pool#7').blocks)).toContain('"proposal_comment"');
    expect(JSON.stringify(approved('post:3f2a9c').blocks)).not.toContain('proposal_comment');
  });

  it('keeps an approved draft with every part at its limit within Slack limits', () => {
    const full = record({
      state: 'approved',
      decidedBy: 'U1',
      decidedAt: new Date(),
      sections: {
        problem: '<'.repeat(0) + 'p'.repeat(SECTION_LIMITS.problem),
        plan: 'q'.repeat(SECTION_LIMITS.plan),
        evidence: 'e'.repeat(SECTION_LIMITS.evidence),
        price: 'r'.repeat(SECTION_LIMITS.price),
      },
    });
    expectWithinSlackLimits(renderProposal(full, { canPolish: false }).blocks);
    expectWithinSlackLimits(
      renderProposal({ ...full, state: 'drafted' }, { canPolish: true }).blocks,
    );
  });

  it('renders both modals within limits, prefilled and in zh-CN too', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const edit = renderEditModal(record({ locale }));
      expect(edit.callback_id).toBe('proposal_edit_modal');
      expectWithinSlackLimits(edit.blocks, 'view');
      expect(JSON.stringify(edit.blocks)).toContain('panic: send on closed channel');
      const reject = renderRejectModal(record({ locale }));
      expect(reject.callback_id).toBe('proposal_reject_modal');
      expectWithinSlackLimits(reject.blocks, 'view');
    }
    expect(JSON.parse(renderEditModal(record()).private_metadata!)).toEqual({
      id: 'draft-1',
      version: 1,
    });
  });
});
