import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

const en = {
  // The draft's own words are in proposal-draft.ts; these are the Slack messages around it.
  draftHeader: (title: string) => `Proposal draft: ${title}`,
  approvedHeader: (title: string) => `Approved proposal: ${title}`,
  sectionTitles: { problem: 'The problem', plan: 'The plan', evidence: 'Evidence', price: 'Price' },
  context: (issue: string, requester: string) => `${issue} · asked for by <@${requester}>`,
  approvedStamp: (user: string, when: string) =>
    `Approved by <@${user}> on ${when}. Copy it from the block above.`,
  /** To whoever asked, when an LLM is set up: who wrote the draft. */
  llmWrote: (model: string) =>
    `Written by the LLM (${model}) from the facts gigops found; its figures, price and links were checked to be the same.`,
  llmFellBack: (why: string) =>
    `The LLM's draft was not used (${why}): this is gigops' own draft. Edit it, or press Polish.`,
  llmWhy: {
    missing: (facts: string) => `it left out ${facts}`,
    link: 'it added a link gigops did not give it',
    tooLong: 'it was too long for Upwork’s 1,200 characters',
    failed: 'it gave no usable answer; check LLM_BASE_URL and LLM_MODEL',
    slow: 'it did not answer in time',
    large: 'its answer was too large',
  },
  /** How a pasted post is named in messages (it has no number). */
  jobPost: 'this job post',
  postGone:
    'This job post is no longer kept; paste it again with `/gigs propose`. Nothing was drafted.',
  otherLanguage:
    'The post is not in English; the draft is in English, as `locale` says. Check the client’s words it quotes.',
  pasteTitle: 'Draft from a job post',
  pasteSubmit: 'Draft',
  pasteJobLabel: 'The job post',
  pasteJobHint:
    'Paste its text as you see it: title, description, budget, the questions it asks. Upwork’s pages cannot be fetched, so gigops reads only what you paste here.',
  pasteJobPlaceholder: 'Paste the whole post here',
  pasteUrlLabel: 'Its link (optional)',
  pasteUrlHint: 'Kept with the draft for you; gigops does not open it.',
  pasteEmpty: 'Paste the job post’s text here: it is what the draft is written from.',
  pasteOnlyUrl:
    'That is only a link. Upwork does not let gigops fetch the page: paste the post’s text here, and its link below.',
  pasteTooLong: (length: number) =>
    `Too long: ${length.toLocaleString('en')} characters, at most 20,000. Paste the post itself, without the page around it.`,
  pasteBadUrl: 'Not a link: give the post’s http(s) address, or leave this empty.',
  pasteExpired:
    'This form is from an older version of gigops; close it and type `/gigs propose` again.',
  commentOnGitHub: 'Comment on GitHub',
  commentLinkLabel: 'the comment on GitHub',
  commentedLine: (link: string, user: string, when: string) =>
    `Posted as ${link} by <@${user}> on ${when}.`,
  commentPosted: (link: string) => `Posted on GitHub: ${link}.`,
  commentAlready: (link: string) =>
    `This draft is already a comment on ${link}; nothing was posted again.`,
  commentBusy:
    'The comment is being posted right now; its link appears on the draft when GitHub confirms it.',
  commentNotApproved: 'Approve the draft first; then Comment on GitHub posts the approved text.',
  commentNotGitHub:
    'This draft is not for a GitHub issue: copy the text above and paste it where the job was posted.',
  commentForbidden: (ref: string) =>
    `GitHub refused the comment on ${ref} (403): GITHUB_TOKEN may not comment there. Give it Issues: write for that repository (fine-grained token) or the \`public_repo\` scope (classic), then press again. Nothing was posted.`,
  commentNotFound: (ref: string) =>
    `GitHub answered 404 for ${ref}: the issue is gone, or GITHUB_TOKEN cannot see its repository. Nothing was posted.`,
  commentLocked: (ref: string) =>
    `${ref} is locked: only its collaborators can comment. Nothing was posted; copy the text instead.`,
  commentNoAuth:
    'GitHub takes comments only with a valid GITHUB_TOKEN (it answered 401): set one with Issues: write, then press again. Nothing was posted.',
  commentRateLimited: (ref: string) =>
    `GitHub's rate limit stopped the comment on ${ref}; nothing was posted. Press again in a few minutes.`,
  commentRejected: (ref: string, status: number) =>
    `GitHub refused the comment on ${ref} (HTTP ${status}); nothing was posted.`,
  commentUnsure: (ref: string) =>
    `GitHub did not confirm the comment on ${ref} (no answer, or a server error). Press again: gigops first looks on the issue for it, so it never appears twice.`,
  /** Above the approved text: what form it is in, and where it pastes. */
  pasteAs: {
    plain:
      'Plain text for Upwork and the like: copy it as it is. Upwork’s terms forbid automated submission; paste it yourself.',
    markdown: 'GitHub Markdown: copy it into a comment on the issue.',
  },
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
  polishAddedLink:
    'The LLM added a link the draft did not have, so its rewrite was not used; the draft is unchanged.',
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
  draftHeader: (title: string) => `提案草稿：${title}`,
  approvedHeader: (title: string) => `已批准的提案：${title}`,
  sectionTitles: { problem: '问题', plan: '方案', evidence: '过往成果', price: '报价' },
  context: (issue: string, requester: string) => `${issue} · 由 <@${requester}> 发起`,
  approvedStamp: (user: string, when: string) =>
    `由 <@${user}> 于 ${when} 批准。可直接复制上方内容。`,
  llmWrote: (model) => `由 LLM（${model}）根据 gigops 找到的事实撰写；数字、价格和链接已核对一致。`,
  llmFellBack: (why) =>
    `未采用 LLM 的草稿（${why}）：这是 gigops 自己的草稿。可以编辑，或按「润色」。`,
  llmWhy: {
    missing: (facts) => `它遗漏了 ${facts}`,
    link: '它加入了 gigops 未提供的链接',
    tooLong: '超出 Upwork 的 1,200 字符',
    failed: '没有可用的回答；请检查 LLM_BASE_URL 和 LLM_MODEL',
    slow: '未能及时回答',
    large: '回答过大',
  },
  jobPost: '这篇工作帖子',
  postGone: '这篇工作帖子已不在存储中；请用 `/gigs propose` 重新粘贴。未起草任何内容。',
  otherLanguage: '这篇帖子不是中文；草稿按 `locale` 用中文撰写。请核对草稿引用的客户原话。',
  pasteTitle: '根据工作帖子起草',
  pasteSubmit: '起草',
  pasteJobLabel: '工作帖子',
  pasteJobHint:
    '按原样粘贴帖子内容：标题、描述、预算以及其中的问题。Upwork 页面无法抓取，gigops 只读取你在此粘贴的内容。',
  pasteJobPlaceholder: '在此粘贴完整帖子',
  pasteUrlLabel: '帖子链接（可选）',
  pasteUrlHint: '随草稿保存供你查看；gigops 不会打开它。',
  pasteEmpty: '请在此粘贴工作帖子的内容：草稿根据它撰写。',
  pasteOnlyUrl:
    '这只是一个链接。Upwork 不允许 gigops 抓取页面：请在此粘贴帖子内容，并把链接填在下方。',
  pasteTooLong: (length) =>
    `太长：${length.toLocaleString('en')} 个字符，最多 20,000 个。请只粘贴帖子本身，不要包含页面的其他部分。`,
  pasteBadUrl: '不是有效链接：请填写帖子的 http(s) 地址，或留空。',
  pasteExpired: '此表单来自旧版本的 gigops；请关闭后重新输入 `/gigs propose`。',
  commentOnGitHub: '在 GitHub 上评论',
  commentLinkLabel: 'GitHub 上的评论',
  commentedLine: (link, user, when) => `已由 <@${user}> 于 ${when} 发布为${link}。`,
  commentPosted: (link) => `已发布到 GitHub：${link}。`,
  commentAlready: (link) => `此草稿已是 ${link} 上的评论；未再次发布。`,
  commentBusy: '评论正在发布；GitHub 确认后，链接会显示在草稿上。',
  commentNotApproved: '请先批准草稿；之后「在 GitHub 上评论」会发布批准后的文本。',
  commentNotGitHub: '此草稿不是针对 GitHub issue 的：请复制上方文本，粘贴到发布该工作的地方。',
  commentForbidden: (ref) =>
    `GitHub 拒绝了在 ${ref} 上的评论（403）：GITHUB_TOKEN 无权在那里评论。请为该仓库授予 Issues: write 权限（细粒度 token）或 \`public_repo\` 范围（经典 token），然后再按一次。未发布任何内容。`,
  commentNotFound: (ref) =>
    `GitHub 对 ${ref} 返回 404：该 issue 已不存在，或 GITHUB_TOKEN 无法访问其仓库。未发布任何内容。`,
  commentLocked: (ref) => `${ref} 已被锁定：只有协作者可以评论。未发布任何内容；请改为复制文本。`,
  commentNoAuth:
    'GitHub 只接受带有效 GITHUB_TOKEN 的评论（返回了 401）：请设置一个具有 Issues: write 权限的 token 后再按一次。未发布任何内容。',
  commentRateLimited: (ref) =>
    `GitHub 的速率限制阻止了在 ${ref} 上的评论；未发布任何内容。请几分钟后再按一次。`,
  commentRejected: (ref, status) =>
    `GitHub 拒绝了在 ${ref} 上的评论（HTTP ${status}）；未发布任何内容。`,
  commentUnsure: (ref) =>
    `GitHub 没有确认在 ${ref} 上的评论（无响应或服务器错误）。请再按一次：gigops 会先在该 issue 上查找，绝不会发两次。`,
  pasteAs: {
    plain: '纯文本，适用于 Upwork 等平台：直接复制即可。Upwork 条款禁止自动提交，请手动粘贴。',
    markdown: 'GitHub Markdown：复制到该 issue 的评论中。',
  },
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
  polishAddedLink: 'LLM 加入了草稿中没有的链接，因此未采用其改写；草稿未改动。',
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
