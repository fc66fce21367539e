import type { CiState, ContributingVerdict, LeadState } from '../domain/lead.ts';
import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

/** Every piece of text a lead shows; arguments arrive escaped (untrusted text) or built by us. */

const PR = 'https://github.com/owner/repo/pull/123';

const commandEn = {
  args: '`leads` takes nothing, or `watch <github pull request url>`',
  notGitHubHost: (url: string, host: string) =>
    `\`${url}\` is not on ${host}: paste a pull request URL (https://${host}/owner/repo/pull/123)`,
  issueNotPull: (url: string) =>
    `\`${url}\` is an issue, not a pull request: paste the pull request’s URL (${PR})`,
  badNumber: (url: string) => `\`${url}\` has no valid pull request number`,
  badRepoName: (url: string) => `\`${url}\` names no repository GitHub could have`,
  notPullUrl: (url: string, host: string) =>
    `\`${url}\` is not a pull request URL (https://${host}/owner/repo/pull/123)`,
};

const commandZh: typeof commandEn = {
  args: '`leads` 不带参数，或 `watch <GitHub PR 链接>`',
  notGitHubHost: (url: string, host: string) =>
    `\`${url}\` 不在 ${host} 上：请粘贴 PR 链接（https://${host}/owner/repo/pull/123）`,
  issueNotPull: (url: string) => `\`${url}\` 是 issue，不是 PR：请粘贴 PR 的链接（${PR}）`,
  badNumber: (url: string) => `\`${url}\` 中的 PR 编号无效`,
  badRepoName: (url: string) => `\`${url}\` 中的仓库名不合法`,
  notPullUrl: (url: string, host: string) =>
    `\`${url}\` 不是 PR 链接（https://${host}/owner/repo/pull/123）`,
};

export const leadsCommandCopy = (locale: Locale) =>
  pick({ en: commandEn, 'zh-CN': commandZh }, locale);

const en = {
  fallback: (ref: string, title: string) => `Lead ${ref}: ${title}`,
  byline: (ref: string, author: string, opened: string) => `${ref} · by ${author} · ${opened}`,
  opened: 'opened {ago}',
  state: {
    open: 'open',
    merged: ':tada: merged',
    closed: 'closed without merge',
    gone: 'gone',
  } satisfies Record<LeadState, string>,
  draft: 'draft',
  ci: {
    success: ':white_check_mark: CI passing',
    failure: ':x: CI failing',
    pending: ':hourglass: CI running',
    none: 'no CI',
  } satisfies Record<CiState, string>,
  reviews: (ok: number, changes: number) =>
    ok + changes === 0 ? 'no reviews yet' : `${ok} approved · ${changes} changes requested`,
  lastReply: (who: string, when: string, words: string) =>
    `Last maintainer reply: *${who}* ${when}: “${words}”`,
  noReply: 'No maintainer reply yet.',
  gone: ':warning: GitHub no longer shows this pull request (made private or deleted, or its repository is gone): no longer followed.',
  validated: (how: string, took: string) =>
    `:white_check_mark: *Validated lead*: ${how} ${took} after it was opened.`,
  how: { merged: 'merged', comment: 'a maintainer replied', review: 'a maintainer reviewed' },
  won: (amount: string, by: string) => `:moneybag: *Won*: ${amount}, recorded by <@${by}>.`,
  wonButton: 'Mark as won',
  commercial: {
    allowed: (path: string, quote: string) =>
      `Commercial line: \`${path}\` allows it (“${quote}”). One line at the end of the description is fine; gigops never adds it.`,
    forbidden: (path: string, quote: string) =>
      `:no_entry: Commercial line: \`${path}\` forbids it (“${quote}”). Leave it out; put your offer in your GitHub profile README instead.`,
    silent: (path: string) =>
      `Commercial line: \`${path}\` says nothing about it. Not forbidden, but your GitHub profile README is the safer place.`,
    none: () =>
      'Commercial line: no CONTRIBUTING (root, `.github/`, `docs/`). Not forbidden, but your GitHub profile README is the safer place.',
    unknown: (problem: string) =>
      `Commercial line: could not read CONTRIBUTING (${problem}); read it yourself before adding one.`,
  } satisfies Record<ContributingVerdict, (a: string, b: string) => string>,
  review: {
    APPROVED: 'approved',
    CHANGES_REQUESTED: 'requested changes',
    COMMENTED: 'reviewed',
    DISMISSED: 'dismissed a review',
  } as Record<string, string>,
  reviewed: 'reviewed',
  eventLine: (who: string, maintainer: boolean, verb: string) =>
    `*${who}*${maintainer ? ' (maintainer)' : ''} ${verb}`,
  commented: 'commented',
  merged: ':tada: Merged.',
  closed: 'Closed without merge.',
  announce: (who: string, verb: string, took: string) =>
    `:white_check_mark: *Validated lead*: *${who}* (maintainer) ${verb} ${took} after you opened it.`,
  announceVerb: { comment: 'replied', review: 'reviewed it' },
  announceMerged: (took: string) =>
    `:white_check_mark: *Validated lead*: merged ${took} after you opened it.`,
  someone: 'a maintainer',
  duration: (minutes: number) =>
    minutes < 90
      ? `${Math.max(1, Math.round(minutes))} min`
      : minutes < 36 * 60
        ? `${Math.round(minutes / 60)} h`
        : `${Math.round(minutes / 1440)} days`,
  watching: (ref: string, channel: string) => `Following ${ref} in <#${channel}>.`,
  already: (ref: string, channel: string) =>
    `Already following ${ref}: its message is in <#${channel}>.`,
  notFound: (ref: string) =>
    `GitHub shows no pull request ${ref} to gigops: it may be an issue number, private, or deleted. Check the URL.`,
  githubProblem: (detail: string) =>
    `:warning: ${detail}. Nothing was added; try again in a few minutes.`,
  cannotPost: (channel: string, code: string) =>
    `gigops cannot post in <#${channel}> (\`${code}\`): invite it there, then run the command again.`,
  notPosted: (channel: string) =>
    `:warning: Slack did not confirm the lead’s message in <#${channel}>; the next poll posts it (once).`,
  loginUnknown: (login: string) =>
    `:warning: GitHub does not know the login \`${login}\` (renamed or deleted?): set \`proposals.githubLogin\` to your current login. Watched pull requests are still followed.`,
};

const zh: typeof en = {
  fallback: (ref: string, title: string) => `线索 ${ref}：${title}`,
  byline: (ref: string, author: string, opened: string) => `${ref} · 作者 ${author} · ${opened}`,
  opened: '创建于 {ago}',
  state: { open: '进行中', merged: ':tada: 已合并', closed: '已关闭（未合并）', gone: '已不可见' },
  draft: '草稿',
  ci: {
    success: ':white_check_mark: CI 通过',
    failure: ':x: CI 失败',
    pending: ':hourglass: CI 运行中',
    none: '无 CI',
  },
  reviews: (ok: number, changes: number) =>
    ok + changes === 0 ? '暂无评审' : `${ok} 个批准 · ${changes} 个要求修改`,
  lastReply: (who: string, when: string, words: string) =>
    `维护者最近回复：*${who}* ${when}：“${words}”`,
  noReply: '维护者尚未回复。',
  gone: ':warning: GitHub 已不再显示这个 PR（设为私有、已删除或仓库已不存在）：不再跟踪。',
  validated: (how: string, took: string) =>
    `:white_check_mark: *已验证线索*：创建后 ${took} ${how}。`,
  how: { merged: '被合并', comment: '维护者回复', review: '维护者评审' },
  won: (amount: string, by: string) => `:moneybag: *已成交*：${amount}，由 <@${by}> 记录。`,
  wonButton: '标记为成交',
  commercial: {
    allowed: (path: string, quote: string) =>
      `商业推广：\`${path}\` 允许（“${quote}”）。可在描述末尾加一行；gigops 不会替你添加。`,
    forbidden: (path: string, quote: string) =>
      `:no_entry: 商业推广：\`${path}\` 禁止（“${quote}”）。请不要加；可以写在你的 GitHub 个人主页 README 里。`,
    silent: (path: string) =>
      `商业推广：\`${path}\` 未提及。不算禁止，但放在 GitHub 个人主页 README 更稳妥。`,
    none: () =>
      '商业推广：没有 CONTRIBUTING（根目录、`.github/`、`docs/`）。不算禁止，但放在 GitHub 个人主页 README 更稳妥。',
    unknown: (problem: string) =>
      `商业推广：无法读取 CONTRIBUTING（${problem}）；添加前请自行查看。`,
  },
  review: {
    APPROVED: '批准了',
    CHANGES_REQUESTED: '要求修改',
    COMMENTED: '做了评审',
    DISMISSED: '撤销了评审',
  },
  reviewed: '做了评审',
  eventLine: (who: string, maintainer: boolean, verb: string) =>
    `*${who}*${maintainer ? '（维护者）' : ''}${verb}`,
  commented: '发表了评论',
  merged: ':tada: 已合并。',
  closed: '已关闭（未合并）。',
  announce: (who: string, verb: string, took: string) =>
    `:white_check_mark: *已验证线索*：创建后 ${took}，*${who}*（维护者）${verb}。`,
  announceVerb: { comment: '回复了', review: '做了评审' },
  announceMerged: (took: string) => `:white_check_mark: *已验证线索*：创建后 ${took} 被合并。`,
  someone: '维护者',
  duration: (minutes: number) =>
    minutes < 90
      ? `${Math.max(1, Math.round(minutes))} 分钟`
      : minutes < 36 * 60
        ? `${Math.round(minutes / 60)} 小时`
        : `${Math.round(minutes / 1440)} 天`,
  watching: (ref: string, channel: string) => `已在 <#${channel}> 跟踪 ${ref}。`,
  already: (ref: string, channel: string) => `${ref} 已在跟踪中：消息在 <#${channel}>。`,
  notFound: (ref: string) =>
    `GitHub 上找不到 gigops 可见的 PR ${ref}：可能是 issue 编号、私有或已删除。请检查链接。`,
  githubProblem: (detail: string) => `:warning: ${detail}。未添加任何内容；请几分钟后再试。`,
  cannotPost: (channel: string, code: string) =>
    `gigops 无法在 <#${channel}> 发消息（\`${code}\`）：请先邀请它，再运行该命令。`,
  notPosted: (channel: string) =>
    `:warning: Slack 未确认线索消息已发到 <#${channel}>；下次轮询会补发（只发一次）。`,
  loginUnknown: (login: string) =>
    `:warning: GitHub 上没有登录名 \`${login}\`（改名或已删除？）：请把 \`proposals.githubLogin\` 改为当前登录名。手动跟踪的 PR 仍在跟踪。`,
};

export const leadCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);
