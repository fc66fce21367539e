import type { EstimateReason } from '../domain/estimate-hours.ts';
import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

type Kind = 'docs' | 'bug' | 'feature' | 'other';

const en = {
  // The draft itself: what the client reads.
  problemLead: (kind: Kind, repo: string, title: string) =>
    ({
      bug: `In ${repo}, something is broken: ${title}.`,
      docs: `In ${repo}, the documentation falls short: ${title}.`,
      feature: `${repo} is missing something users ask for: ${title}.`,
      other: `${repo} has an open problem: ${title}.`,
    })[kind],
  problemError: 'The error users hit:',
  problemRepro: 'How to reproduce it, from the report:',
  problemNoRepro: 'The report has no reproduction yet; building one is the first step.',
  problemImpact: (comments: number, reactions: number) =>
    `${comments} comments and ${reactions} reactions so far: people are waiting on this.`,
  planSteps: (kind: Kind, hasRepro: boolean, ref: string) => [
    hasRepro
      ? `Turn the reproduction in ${ref} into a failing Go test.`
      : `Reproduce the problem and capture it in a failing Go test.`,
    kind === 'feature'
      ? 'Implement it behind the existing API, matching the maintainers’ style.'
      : kind === 'docs'
        ? 'Rewrite the affected docs with runnable examples.'
        : 'Fix the root cause, not the symptom; keep the public API unchanged.',
    'Add table-driven tests and run `go test -race ./...` and `go vet`.',
    `Update docs and changelog, and open one pull request that closes ${ref}.`,
  ],
  planEstimate: (hours: number, why: string[]) => `Estimate: ${hours} h (${why.join(', ')}).`,
  reasons: {
    'kind-docs': 'docs change',
    'kind-bug': 'bug fix',
    'kind-feature': 'new feature',
    'kind-other': 'general change',
    'no-repro': 'no reproduction yet',
    'hard-area': 'concurrency/performance/security area',
    'long-discussion': 'long discussion',
    'long-report': 'long report',
    'good-first-issue': 'good first issue',
    'tests-docs': 'tests and docs',
  } satisfies Record<EstimateReason, string>,
  evidenceLead: 'My merged Go pull requests, most relevant first:',
  evidenceNone: (login: string) => `No merged Go pull requests by ${login} found yet.`,
  evidenceNoLogin: 'Set `proposals.githubLogin` in gigops.yml to list your merged pull requests.',
  evidenceLine: (repo: string, n: number, title: string, url: string, merged: string) =>
    `• ${repo}#${n} ${title} (merged ${merged}) ${url}`,
  price: (hours: number, rate: number, currency: string, total: string) =>
    `${hours} h × ${rate} ${currency}/h = ${total} ${currency}, fixed unless the scope changes.`,

  // Around the draft: what the freelancer and approvers read.
  draftHeader: (title: string) => `Proposal draft: ${title}`,
  approvedHeader: (title: string) => `Approved proposal: ${title}`,
  sectionTitles: { problem: 'The problem', plan: 'The plan', evidence: 'Evidence', price: 'Price' },
  context: (issue: string, requester: string) => `${issue} · asked for by <@${requester}>`,
  approvedStamp: (user: string, when: string) =>
    `Approved by <@${user}> on ${when}. Copy it from the block above.`,
  rejectedLine: (ref: string, user: string, when: string, reason: string | undefined) =>
    `~Proposal for ${ref}~ rejected by <@${user}> on ${when}${reason ? `: ${reason}` : ''}`,
  similarFlag: (percent: number, ref: string) =>
    `:warning: ${percent}% the same as the proposal for ${ref}. Clients spot copy-paste; make it specific before approving.`,
  /** What the LLM behind Polish is told (the system message). */
  polishInstructions:
    'You edit freelance proposals for Go work. Rewrite the two sections so they read naturally and speak to the client. Keep every fact, number, error text, code block, link and the numbered steps. No new claims, no flattery, no headings. Answer with JSON only: {"problem": "...", "plan": "..."}.',
  approve: 'Approve',
  edit: 'Edit',
  reject: 'Reject',
  polish: 'Polish',
  announce: (user: string, ref: string) =>
    `<@${user}> approved the proposal for ${ref}; it is ready to send.`,
  onlyApprovers: (users: string[]) =>
    `Only ${users.map((u) => `<@${u}>`).join(', ')} can approve or reject this draft; nothing changed.`,
  onlyEditors: (users: string[]) =>
    `Only ${users.map((u) => `<@${u}>`).join(', ')} can edit this draft; nothing changed.`,
  alreadyApproved: (user: string, when: string) =>
    `This draft was already approved by <@${user}> on ${when}; nothing changed.`,
  alreadyRejected: (user: string, when: string) =>
    `This draft was already rejected by <@${user}> on ${when}; nothing changed.`,
  unknownDraft:
    'This draft is no longer in the store; draft it again with `/gigs propose <issue url>`.',
  draftExists: (ref: string, channel: string) =>
    `There is already an open draft for ${ref} in <#${channel}>; approve, edit or reject that one.`,
  badOpportunity: (value: string) => `\`${value}\` is not an opportunity id (owner/repo#number).`,
  issueNotFound: (ref: string) =>
    `GitHub has no issue ${ref} (or it is private); check the link, or set GITHUB_TOKEN for private repos.`,
  githubFailed: (ref: string) =>
    `GitHub did not answer for ${ref}; try again in a minute. If it keeps failing, check GITHUB_TOKEN.`,
  notInChannel: (channel: string) =>
    `I cannot post in <#${channel}>: invite me with \`/invite @gigops\`.`,
  polishFailed:
    'The LLM did not return a usable rewrite; the draft is unchanged. Check LLM_BASE_URL and LLM_MODEL.',
  polishTooLarge: (kib: number) =>
    `The LLM's answer was larger than ${kib} KiB, so gigops stopped reading it; the draft is unchanged. Press Polish again, or edit by hand.`,
  polishTooSlow: (seconds: number) =>
    `The LLM did not answer within ${seconds} s; the draft is unchanged. Press Polish again later, or edit by hand.`,
  postedIn: (channel: string) => `Your draft is in <#${channel}>, where approvers can see it.`,
  // Modals.
  editTitle: 'Edit proposal',
  rejectTitle: 'Reject proposal',
  save: 'Save',
  cancel: 'Cancel',
  rejectSubmit: 'Reject',
  reasonLabel: 'Reason (optional)',
  reasonHint: 'Kept with the draft; the opportunity is dismissed.',
  required: 'Required: this part cannot be empty.',
  tooLong: (max: number, len: number) => `Too long: ${len} characters, at most ${max}.`,
  stale:
    'This draft changed since you opened it (approved, rejected or edited); close and reopen it.',
  changedMeanwhile: 'This draft was edited a moment ago; read the new version and press again.',
};

const zh: typeof en = {
  problemLead: (kind: Kind, repo: string, title: string) =>
    ({
      bug: `${repo} 存在缺陷：${title}。`,
      docs: `${repo} 的文档有欠缺：${title}。`,
      feature: `${repo} 缺少用户需要的功能：${title}。`,
      other: `${repo} 有一个待解决的问题：${title}。`,
    })[kind],
  problemError: '用户遇到的错误：',
  problemRepro: '报告中的复现方式：',
  problemNoRepro: '报告尚无复现步骤；第一步就是复现它。',
  problemImpact: (comments: number, reactions: number) =>
    `目前已有 ${comments} 条评论、${reactions} 个表态：大家在等这个修复。`,
  planSteps: (kind: Kind, hasRepro: boolean, ref: string) => [
    hasRepro
      ? `把 ${ref} 中的复现步骤写成一个失败的 Go 测试。`
      : '复现问题，并写成一个失败的 Go 测试。',
    kind === 'feature'
      ? '在现有 API 之上实现，遵循维护者的代码风格。'
      : kind === 'docs'
        ? '重写相关文档，附上可运行的示例。'
        : '修复根因而非表象；公开 API 保持不变。',
    '补充表驱动测试，运行 `go test -race ./...` 和 `go vet`。',
    `更新文档和变更日志，提交一个关闭 ${ref} 的 PR。`,
  ],
  planEstimate: (hours: number, why: string[]) => `预估：${hours} 小时（${why.join('、')}）。`,
  reasons: {
    'kind-docs': '文档修改',
    'kind-bug': '缺陷修复',
    'kind-feature': '新功能',
    'kind-other': '一般改动',
    'no-repro': '尚无复现',
    'hard-area': '涉及并发/性能/安全',
    'long-discussion': '讨论较长',
    'long-report': '报告较长',
    'good-first-issue': '入门级 issue',
    'tests-docs': '测试和文档',
  },
  evidenceLead: '我已合并的 Go PR（按相关度排序）：',
  evidenceNone: (login: string) => `尚未找到 ${login} 已合并的 Go PR。`,
  evidenceNoLogin: '在 gigops.yml 中设置 `proposals.githubLogin`，即可列出你已合并的 PR。',
  evidenceLine: (repo: string, n: number, title: string, url: string, merged: string) =>
    `• ${repo}#${n} ${title}（${merged} 合并）${url}`,
  price: (hours: number, rate: number, currency: string, total: string) =>
    `${hours} 小时 × ${rate} ${currency}/小时 = ${total} ${currency}，范围不变则价格不变。`,
  draftHeader: (title: string) => `提案草稿：${title}`,
  approvedHeader: (title: string) => `已批准的提案：${title}`,
  sectionTitles: { problem: '问题', plan: '方案', evidence: '过往成果', price: '报价' },
  context: (issue: string, requester: string) => `${issue} · 由 <@${requester}> 发起`,
  approvedStamp: (user: string, when: string) =>
    `由 <@${user}> 于 ${when} 批准。可直接复制上方内容。`,
  rejectedLine: (ref: string, user: string, when: string, reason: string | undefined) =>
    `~${ref} 的提案~ 已被 <@${user}> 于 ${when} 拒绝${reason ? `：${reason}` : ''}`,
  similarFlag: (percent: number, ref: string) =>
    `:warning: 与 ${ref} 的提案有 ${percent}% 相同。客户能看出复制粘贴；批准前请写得更具体。`,
  polishInstructions:
    '你负责润色 Go 外包提案。改写两个部分，使其自然、面向客户。保留所有事实、数字、错误信息、代码块、链接和编号步骤。不要添加新说法、不要恭维、不要标题。只用 JSON 回答：{"problem": "...", "plan": "..."}。',
  approve: '批准',
  edit: '编辑',
  reject: '拒绝',
  polish: '润色',
  announce: (user: string, ref: string) => `<@${user}> 批准了 ${ref} 的提案，可以发送了。`,
  onlyApprovers: (users: string[]) =>
    `只有 ${users.map((u) => `<@${u}>`).join('、')} 可以批准或拒绝此草稿；未做任何更改。`,
  onlyEditors: (users: string[]) =>
    `只有 ${users.map((u) => `<@${u}>`).join('、')} 可以编辑此草稿；未做任何更改。`,
  alreadyApproved: (user: string, when: string) =>
    `此草稿已由 <@${user}> 于 ${when} 批准；未做任何更改。`,
  alreadyRejected: (user: string, when: string) =>
    `此草稿已由 <@${user}> 于 ${when} 拒绝；未做任何更改。`,
  unknownDraft: '存储中已没有此草稿；请用 `/gigs propose <issue 链接>` 重新起草。',
  draftExists: (ref: string, channel: string) =>
    `${ref} 在 <#${channel}> 已有一份待处理的草稿；请批准、编辑或拒绝那一份。`,
  badOpportunity: (value: string) => `\`${value}\` 不是有效的机会 id（owner/repo#number）。`,
  issueNotFound: (ref: string) =>
    `GitHub 上没有 issue ${ref}（或为私有）；请检查链接，私有仓库请设置 GITHUB_TOKEN。`,
  githubFailed: (ref: string) =>
    `GitHub 未响应 ${ref} 的请求；请稍后再试。若持续失败，请检查 GITHUB_TOKEN。`,
  notInChannel: (channel: string) =>
    `我无法在 <#${channel}> 发消息：请用 \`/invite @gigops\` 邀请我。`,
  postedIn: (channel: string) => `草稿已发布在 <#${channel}>，审批人可以在那里查看。`,
  polishFailed: 'LLM 没有返回可用的改写，草稿未改动。请检查 LLM_BASE_URL 和 LLM_MODEL。',
  polishTooLarge: (kib: number) =>
    `LLM 的回答超过 ${kib} KiB，gigops 已停止读取；草稿未改动。请再按一次润色，或手动编辑。`,
  polishTooSlow: (seconds: number) =>
    `LLM 未在 ${seconds} 秒内回答；草稿未改动。请稍后再按一次润色，或手动编辑。`,
  editTitle: '编辑提案',
  rejectTitle: '拒绝提案',
  save: '保存',
  cancel: '取消',
  rejectSubmit: '拒绝',
  reasonLabel: '原因（可选）',
  reasonHint: '原因随草稿保存；对应机会将被忽略。',
  required: '必填：此部分不能为空。',
  tooLong: (max: number, len: number) => `太长：${len} 个字符，最多 ${max} 个。`,
  stale: '打开后此草稿已被更改（批准、拒绝或编辑）；请关闭后重新打开。',
  changedMeanwhile: '此草稿刚被编辑过；请阅读新版本后再按一次。',
};

export const proposalCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);
export type ProposalCopy = typeof en;
