import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

/** What only admins may do (PRODUCT.md → Roles), as the refusal names it. */
export type AdminAction = 'sync' | 'snapshot' | 'post' | 'dismiss' | 'approve' | 'won';

const ADMIN_ACTIONS_EN: Record<AdminAction, string> = {
  sync: 'run `/gigs sync`',
  snapshot: 'see client snapshots',
  post: 'post a client snapshot',
  dismiss: 'dismiss opportunities for everyone',
  approve: 'approve a held client snapshot',
  won: 'mark a lead as won',
};

const ADMIN_ACTIONS_ZH: Record<AdminAction, string> = {
  sync: '运行 `/gigs sync`',
  snapshot: '查看客户进度快照',
  post: '发布客户进度快照',
  dismiss: '为所有人忽略机会',
  approve: '批准待审的客户快照',
  won: '标记成交',
};

/** What a post that Slack never confirmed was: it decides what to do next. */
export type UnconfirmedPost = 'snapshot' | 'draft';

/** PostNotConfirmed (slack/post-once.ts), told as it is. */
export interface NotPosted {
  what: UnconfirmedPost;
  channel: string;
  failed: {
    reason: 'rate_limited' | 'server_error' | 'no_answer' | 'unreachable';
    status: number | undefined;
    landed: 'no' | 'unknown';
    tries: number;
  };
}

const REASON_EN = {
  rate_limited: () => 'Slack kept answering “rate limited”',
  server_error: (status?: number) => `Slack answered with a server error (HTTP ${status})`,
  no_answer: () => 'Slack did not answer in time',
  unreachable: () => 'Slack could not be reached',
};

const REASON_ZH: typeof REASON_EN = {
  rate_limited: () => 'Slack 一直返回“请求过于频繁”',
  server_error: (status?: number) => `Slack 返回服务器错误（HTTP ${status}）`,
  no_answer: () => 'Slack 未能及时响应',
  unreachable: () => '无法连接 Slack',
};

const en = {
  usageTitle: 'How to use /gigs',
  usageProblem: (problem: string) => `:warning: ${problem}`,
  usageLines: [
    '`/gigs` — the best open Go opportunities right now',
    '`/gigs <words> [label:x] [repo:owner/name] [min-stars:N] [min-comments:N]` — the same, filtered',
    '`/gigs propose <github issue url>` — draft a proposal for any issue',
    '`/gigs propose` (or a job URL) — paste a job post (Upwork and the like) and draft from it',
    '`/gigs snapshot [client-id]` — preview this week’s client snapshot, with *Post now*',
    '`/gigs sync` — bring Notion in line with GitHub pull requests now',
    '`/gigs leads` — your pull requests in others’ repositories, validated leads, the funnel',
    '`/gigs leads watch <github pull request url>` — follow one more pull request as a lead',
    '`/gigs help` — this message',
  ],
  example: 'Example: `/gigs grpc label:bug min-stars:5000`',
  /** A /gigs subcommand whose feature is not set up: what to configure. */
  notConfigured: {
    list: 'The opportunity radar is not set up yet: check the `radar` section of gigops.yml',
    propose: 'Proposal drafting is not set up yet: add a `proposals` section to gigops.yml',
    snapshot:
      'Client snapshots are not set up yet: set NOTION_TOKEN and add `clients` to gigops.yml',
    sync: 'Delivery sync is not set up yet: set NOTION_TOKEN and add a `delivery` section to gigops.yml',
    leads: 'Leads are not set up yet: add a `leads` section (`channel`) to gigops.yml',
  },
  somethingFailed: 'Something went wrong on our side; it is logged. Please try again in a minute.',
  staleAction:
    'That button belongs to a message gigops no longer knows. Run `/gigs` again for a fresh one.',
  notPosted: (p: NotPosted) => {
    const noun = p.what === 'snapshot' ? 'this week’s snapshot' : 'the draft';
    const again = p.what === 'snapshot' ? 'Press *Post now* again' : 'Try again';
    if (p.failed.landed === 'no')
      return `:warning: ${REASON_EN[p.failed.reason](p.failed.status)} on all ${p.failed.tries} tries, so ${noun} was not posted in <#${p.channel}>. ${again} in a few minutes.`;
    return p.what === 'snapshot'
      ? `:warning: ${REASON_EN[p.failed.reason](p.failed.status)}, so gigops cannot tell whether ${noun} reached <#${p.channel}>; it may still appear. Pressing *Post now* again is safe: gigops looks for this week’s post before posting.`
      : `:warning: ${REASON_EN[p.failed.reason](p.failed.status)}, so gigops cannot tell whether ${noun} reached <#${p.channel}>; it may still appear. If it has not in a minute, try again.`;
  },
  onlyAdmins: (what: AdminAction, users: readonly string[]) =>
    `Only ${users.map((u) => `<@${u}>`).join(', ')} can ${ADMIN_ACTIONS_EN[what]}; nothing changed.`,
};

const zh: typeof en = {
  usageTitle: '/gigs 用法',
  usageProblem: (problem: string) => `:warning: ${problem}`,
  usageLines: [
    '`/gigs` — 当前最值得做的 Go 开源机会',
    '`/gigs <关键词> [label:x] [repo:owner/name] [min-stars:N] [min-comments:N]` — 按条件筛选',
    '`/gigs propose <GitHub issue 链接>` — 为任意 issue 起草提案',
    '`/gigs propose`（或工作链接）— 粘贴工作帖子（Upwork 等）并据此起草',
    '`/gigs snapshot [client-id]` — 预览本周客户进度快照，可 *立即发布*',
    '`/gigs sync` — 立即把 GitHub PR 状态同步到 Notion',
    '`/gigs leads` — 你在他人仓库的 PR、已验证线索和转化漏斗',
    '`/gigs leads watch <GitHub PR 链接>` — 把一个 PR 加入线索跟踪',
    '`/gigs help` — 显示本帮助',
  ],
  example: '示例：`/gigs grpc label:bug min-stars:5000`',
  notConfigured: {
    list: '机会雷达尚未配置：请检查 gigops.yml 的 `radar` 部分',
    propose: '提案起草尚未配置：请在 gigops.yml 中添加 `proposals` 部分',
    snapshot: '客户进度快照尚未配置：请设置 NOTION_TOKEN 并在 gigops.yml 中添加 `clients`',
    sync: '交付同步尚未配置：请设置 NOTION_TOKEN 并在 gigops.yml 中添加 `delivery` 部分',
    leads: '线索跟踪尚未配置：请在 gigops.yml 中添加 `leads` 部分（`channel`）',
  },
  somethingFailed: '我们这边出了点问题，已记录日志。请稍后再试。',
  staleAction: '这个按钮所属的消息已失效。请重新运行 `/gigs` 获取最新消息。',
  notPosted: (p: NotPosted) => {
    const noun = p.what === 'snapshot' ? '本周快照' : '提案草稿';
    const again = p.what === 'snapshot' ? '再点 *立即发布*' : '重试';
    if (p.failed.landed === 'no')
      return `:warning: ${REASON_ZH[p.failed.reason](p.failed.status)}（已尝试 ${p.failed.tries} 次），${noun}未发布到 <#${p.channel}>。请几分钟后${again}。`;
    return p.what === 'snapshot'
      ? `:warning: ${REASON_ZH[p.failed.reason](p.failed.status)}，无法确认${noun}是否已发到 <#${p.channel}>，它可能稍后出现。再点 *立即发布* 是安全的：gigops 发布前会先查找本周的帖子。`
      : `:warning: ${REASON_ZH[p.failed.reason](p.failed.status)}，无法确认${noun}是否已发到 <#${p.channel}>，它可能稍后出现。若一分钟后仍未出现，请重试。`;
  },
  onlyAdmins: (what: AdminAction, users: readonly string[]) =>
    `只有 ${users.map((u) => `<@${u}>`).join('、')} 可以${ADMIN_ACTIONS_ZH[what]}；未做任何更改。`,
};

export const commonCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);

/** What `/gigs` says about input it cannot take; every token arrives clipped and escaped. */
const problemsEn = {
  proposeArgs: '`propose` takes one GitHub issue URL, or nothing to paste a job post',
  notIssueUrl: (url: string) =>
    `\`${url}\` is not a GitHub issue URL (https://github.com/owner/repo/issues/123)`,
  notGitHubHost: (url: string, host: string) =>
    `\`${url}\` is not on ${host}: paste a GitHub issue URL (https://${host}/owner/repo/issues/123)`,
  badRepoName: (url: string) =>
    `\`${url}\` names no repository GitHub could have: owner and repository are letters, digits, \`-\`, \`.\` and \`_\``,
  badIssueNumber: (url: string) => `\`${url}\` has no valid issue number`,
  snapshotArgs: '`snapshot` takes at most one client id',
  notClientId: (id: string) => `\`${id}\` is not a client id`,
  syncArgs: '`sync` takes no arguments',
  filtersTooLong: (start: string, length: number, max: number) =>
    `\`${start}\` and the rest: those filters are ${length} characters long; GitHub's search takes ${max} at most`,
  needsValue: (token: string) => `\`${token}\` needs a value`,
  repoFilter: (token: string) => `\`${token}\` needs owner/name, e.g. repo:golang/go`,
  needsNumber: (token: string, key: string) => `\`${token}\` needs a whole number, e.g. ${key}:500`,
  unknownFilter: (key: string) =>
    `unknown filter \`${key}:\` — use label:, repo:, min-stars: or min-comments:`,
};

const problemsZh: typeof problemsEn = {
  proposeArgs: '`propose` 只接受一个 GitHub issue 链接，或不带参数以粘贴工作帖子',
  notIssueUrl: (url: string) =>
    `\`${url}\` 不是 GitHub issue 链接（https://github.com/owner/repo/issues/123）`,
  notGitHubHost: (url: string, host: string) =>
    `\`${url}\` 不在 ${host} 上：请粘贴 GitHub issue 链接（https://${host}/owner/repo/issues/123）`,
  badRepoName: (url: string) =>
    `\`${url}\` 中的仓库名不合法：owner 和仓库名只能包含字母、数字、\`-\`、\`.\` 和 \`_\``,
  badIssueNumber: (url: string) => `\`${url}\` 中的 issue 编号无效`,
  snapshotArgs: '`snapshot` 最多接受一个客户 id',
  notClientId: (id: string) => `\`${id}\` 不是客户 id`,
  syncArgs: '`sync` 不接受参数',
  filtersTooLong: (start: string, length: number, max: number) =>
    `\`${start}\` 等筛选条件共 ${length} 个字符；GitHub 搜索最多接受 ${max} 个`,
  needsValue: (token: string) => `\`${token}\` 需要一个值`,
  repoFilter: (token: string) => `\`${token}\` 需要 owner/name 格式，例如 repo:golang/go`,
  needsNumber: (token: string, key: string) => `\`${token}\` 需要整数，例如 ${key}:500`,
  unknownFilter: (key: string) =>
    `未知筛选条件 \`${key}:\` — 请使用 label:、repo:、min-stars: 或 min-comments:`,
};

export const commandProblemCopy = (locale: Locale) =>
  pick({ en: problemsEn, 'zh-CN': problemsZh }, locale);
