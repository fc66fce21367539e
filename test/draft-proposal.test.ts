import { describe, expect, it } from 'vitest';
import { estimateHours } from '../src/domain/estimate-hours.ts';
import type { MergedPull, ProposalRecord } from '../src/domain/proposal.ts';
import { issueFacts, SECTION_LIMITS } from '../src/domain/proposal.ts';
import { type DraftSettings, draftProposal } from '../src/features/proposals/compose-draft.ts';
import { renderProposal } from '../src/features/proposals/draft-blocks.ts';
import { toMergedPulls } from '../src/features/proposals/merged-pulls.ts';
import { renderEditModal, renderRejectModal } from '../src/features/proposals/modal-blocks.ts';
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
const toIssueFacts = (raw: unknown, ref: IssueRef, comments: string[] = []) =>
  issueFacts(
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
  const issue = toIssueFacts(goPanicIssue(), { owner: 'acme', repo: 'pool', number: 7 });
  const d = draftProposal(issue, [], settings());
  return {
    id: 'draft-1',
    ...d,
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

describe('draftProposal on real issue payloads', () => {
  it('restates the official issue example as problem → plan → evidence → price (en)', () => {
    const issue = toIssueFacts(openapiIssue(), {
      owner: 'octocat',
      repo: 'Hello-World',
      number: 1347,
    });
    const d = draftProposal(
      issue,
      [pull('octocat/Hello-World', 3, 'Fix bug in greeting')],
      settings(),
    );
    expect(d.opportunityId).toBe('github:octocat/Hello-World#1347');
    expect(d.sections.problem).toContain(
      'In octocat/Hello-World, something is broken: Found a bug.',
    );
    // Restated, not copied: the body is not pasted in.
    expect(d.sections.problem).not.toContain("I'm having a problem with this.");
    expect(d.sections.problem).toContain('no reproduction yet');
    expect(d.sections.plan).toMatch(
      /^1\. Reproduce the problem and capture it in a failing Go test\./,
    );
    expect(d.sections.plan).toContain('go test -race');
    // bug 4 + no repro 2 + tests/docs 1 = 7 h
    expect(d.hours).toBe(7);
    expect(d.sections.plan).toContain(
      'Estimate: 7 h (bug fix, no reproduction yet, tests and docs).',
    );
    expect(d.sections.evidence).toContain('octocat/Hello-World#3 Fix bug in greeting');
    expect(d.sections.evidence).toContain('https://github.com/octocat/Hello-World/pull/3');
    expect(d.sections.price).toBe(
      '7 h × 90 USD/h = 630 USD, fixed unless the scope changes.\nI can start on Monday.\nJane — Go engineer',
    );
  });

  it('drafts the same issue in 简体中文', () => {
    const issue = toIssueFacts(openapiIssue(), {
      owner: 'octocat',
      repo: 'Hello-World',
      number: 1347,
    });
    const d = draftProposal(issue, [], settings({ locale: 'zh-CN', githubLogin: 'jane-go' }));
    expect(d.sections.problem).toContain('octocat/Hello-World 存在缺陷：Found a bug。');
    expect(d.sections.plan).toContain('预估：7 小时（缺陷修复、尚无复现、测试和文档）。');
    expect(d.sections.evidence).toBe('尚未找到 jane-go 已合并的 Go PR。');
    expect(d.sections.price).toContain('7 小时 × 90 USD/小时 = 630 USD');
  });

  it('quotes the error and uses the reproduction when the report has one', () => {
    const issue = toIssueFacts(goPanicIssue(), { owner: 'acme', repo: 'pool', number: 7 });
    const d = draftProposal(issue, [], settings());
    expect(d.sections.problem).toContain(
      'The error users hit:\n```\npanic: send on closed channel',
    );
    expect(d.sections.problem).toContain('12 comments and 7 reactions');
    expect(d.sections.plan).toContain(
      'Turn the reproduction in acme/pool#7 into a failing Go test.',
    );
    // bug 4 + concurrency 4 + long discussion 2 + tests/docs 1
    expect(d.hours).toBe(11);
    expect(d.sections.price).toContain('990 USD');
  });

  it('drafts a recorded api.github.com issue without labels or body, in both locales', () => {
    const raw = recordedIssue();
    for (const locale of ['en', 'zh-CN'] as const) {
      const issue = toIssueFacts(raw, {
        owner: 'octokit-fixture-org',
        repo: 'paginate-issues',
        number: 13,
      });
      const d = draftProposal(issue, [], settings({ locale, githubLogin: undefined }));
      expect(d.sections.problem).toContain('Test issue 13');
      expect(d.sections.evidence).toContain('proposals.githubLogin');
      for (const [key, max] of Object.entries(SECTION_LIMITS))
        expect(d.sections[key as keyof typeof SECTION_LIMITS].length).toBeLessThanOrEqual(max);
    }
  });

  it('finds the reproduction in comments when the body has none', () => {
    const issue = toIssueFacts(openapiIssue(), { owner: 'o', repo: 'r', number: 1 }, [
      'Me too',
      'Here:\n```go\nerr := pool.Close()\nfmt.Println(err) // error: already closed\n```',
    ]);
    const d = draftProposal(issue, [], settings());
    expect(d.sections.problem).toContain('error: already closed');
    expect(estimateHours(issue).reasons).not.toContain('no-repro');
  });

  it('keeps every part within its limit for a huge report', () => {
    const raw = {
      ...goPanicIssue(),
      title: 'x'.repeat(400),
      body: `\`\`\`\npanic: ${'boom '.repeat(400)}\n${'at x\n'.repeat(500)}\`\`\``,
    };
    const d = draftProposal(
      toIssueFacts(raw, { owner: 'o', repo: 'r', number: 1 }),
      [],
      settings(),
    );
    for (const [key, max] of Object.entries(SECTION_LIMITS))
      expect(d.sections[key as keyof typeof SECTION_LIMITS].length).toBeLessThanOrEqual(max);
    // The quoted error is cut inside its fences: the code block stays closed.
    expect(d.sections.problem.match(/```/g)).toHaveLength(2);
  });
});

describe('estimateHours', () => {
  it('halves good first issues and never goes under 2 h or over 40 h', () => {
    const base = toIssueFacts(openapiIssue(), { owner: 'o', repo: 'r', number: 1 });
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
    expect(estimateHours(hard).hours).toBe(19);
  });
});

describe('selectEvidence', () => {
  const issue = toIssueFacts(goPanicIssue(), { owner: 'acme', repo: 'pool', number: 7 });

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
    const a = draftProposal(
      toIssueFacts(goPanicIssue(), { owner: 'acme', repo: 'pool', number: 7 }),
      [],
      settings(),
    );
    const b = draftProposal(
      toIssueFacts(openapiIssue(), { owner: 'octocat', repo: 'Hello-World', number: 1 }),
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
