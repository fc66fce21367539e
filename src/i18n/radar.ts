import { formatMoney } from '../domain/money.ts';
import type { Reason } from '../domain/opportunity.ts';
import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

const compact = (n: number) =>
  n >= 1000 ? `${Math.round(n / 100) / 10}k`.replace('.0k', 'k') : String(n);
/** A bounty's amount as every money figure is shown (domain/money.ts); '' when unknown (0). */
const money = (locale: Locale) => (amount: number, currency: string) =>
  amount === 0 ? '' : formatMoney(amount, currency, locale);
const moneyEn = money('en');
const moneyZh = money('zh-CN');
const ago = (days: number) => (days >= 60 ? `${Math.round(days / 30)} mo` : `${days} d`);
const agoZh = (days: number) => (days >= 60 ? `${Math.round(days / 30)} 个月` : `${days} 天`);

const en = {
  title: 'Go opportunities',
  range: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
  noneLeft: 'none left here',
  draftInThread: ':memo: Draft posted, in the thread below.',
  draftInChannel: (channel: string) => `:memo: Draft posted in <#${channel}>.`,
  filtered: (filters: string) => `filtered by \`${filters}\``,
  digestTitle: (n: number) => `${n} new Go ${n === 1 ? 'opportunity' : 'opportunities'}`,
  stars: (n: number) => `${compact(n)}★`,
  comments: (n: number) => `${n} comments`,
  opened: (days: number) => `opened ${ago(days)} ago`,
  maintainerReplied: (days: number) => `maintainer replied ${ago(days)} ago`,
  noMaintainer: 'no maintainer reply yet',
  bounty: (amount: number, currency: string) =>
    `:moneybag: ${moneyEn(amount, currency) || 'bounty'}`,
  seen: 'seen',
  /** Before an entry's reasons (the score itself has no scale to show). */
  why: 'why',
  reason: (r: Reason): string => {
    switch (r.kind) {
      case 'bounty':
        return r.amount > 0 ? `${moneyEn(r.amount, r.currency)} bounty` : 'bounty offered';
      case 'comments':
        return `${r.count} comments`;
      case 'maintainerSilence':
        return `no maintainer reply for ${r.days} days`;
      case 'noMaintainerReply':
        return 'no maintainer reply yet';
      case 'stars':
        return `${compact(r.count)}★`;
      case 'recentActivity':
        return r.days === 0 ? 'active today' : `active ${r.days} days ago`;
      case 'fresh':
        return `opened ${r.days} days ago`;
    }
  },
  draft: 'Draft proposal',
  dismiss: 'Dismiss',
  more: 'More',
  dismissed: (id: string) => `Dismissed ${id}: it will not be shown again.`,
  nothingMatches: (filters: string) =>
    filters
      ? `Nothing matches \`${filters}\` right now. Try fewer words, a lower \`min-stars:\`, or plain \`/gigs\`.`
      : 'No open opportunities pass the radar right now. Lower `radar.minStars` or `radar.minComments` in gigops.yml, or try again later.',
  noMore: 'That was the last of them. Run `/gigs` again later for fresh ones.',
  rateLimited: (reset: string | undefined) =>
    reset
      ? `GitHub’s rate limit is reached; it resets at ${reset}. Try again then, or set GITHUB_TOKEN for higher limits.`
      : 'GitHub’s rate limit is reached. Try again in a minute, or set GITHUB_TOKEN for higher limits.',
  authFailed:
    'GitHub rejected GITHUB_TOKEN (bad credentials). Create a new token (no scopes needed for public repos) and restart gigops.',
  githubDown: (detail: string) =>
    `GitHub answered with a server error (${detail}); it is on GitHub's side. The radar will work again once it recovers; try in a few minutes.`,
  githubUnreachable: (detail: string) =>
    `GitHub is unreachable (${detail}): check GITHUB_API_URL and the network.`,
  notInChannel:
    'I could only show this to you: invite me with `/invite @gigops` so lists are posted and drafts can thread under them.',
};

const zh: typeof en = {
  title: 'Go 开源机会',
  range: (from: number, to: number, total: number) => `第 ${from}–${to} 条，共 ${total} 条`,
  noneLeft: '这里已没有条目',
  draftInThread: ':memo: 草稿已发布在下方的讨论串中。',
  draftInChannel: (channel: string) => `:memo: 草稿已发布在 <#${channel}>。`,
  filtered: (filters: string) => `筛选：\`${filters}\``,
  digestTitle: (n: number) => `${n} 个新的 Go 机会`,
  stars: (n: number) => `${compact(n)}★`,
  comments: (n: number) => `${n} 条评论`,
  opened: (days: number) => `${agoZh(days)}前创建`,
  maintainerReplied: (days: number) => `维护者 ${agoZh(days)}前回复`,
  noMaintainer: '维护者尚未回复',
  bounty: (amount: number, currency: string) => `:moneybag: ${moneyZh(amount, currency) || '悬赏'}`,
  seen: '已看过',
  why: '理由',
  reason: (r: Reason): string => {
    switch (r.kind) {
      case 'bounty':
        return r.amount > 0 ? `悬赏 ${moneyZh(r.amount, r.currency)}` : '有悬赏';
      case 'comments':
        return `${r.count} 条评论`;
      case 'maintainerSilence':
        return `维护者 ${r.days} 天未回复`;
      case 'noMaintainerReply':
        return '维护者尚未回复';
      case 'stars':
        return `${compact(r.count)}★`;
      case 'recentActivity':
        return r.days === 0 ? '今天有讨论' : `${r.days} 天前有讨论`;
      case 'fresh':
        return `${r.days} 天前创建`;
    }
  },
  draft: '起草提案',
  dismiss: '忽略',
  more: '更多',
  dismissed: (id: string) => `已忽略 ${id}，以后不再显示。`,
  nothingMatches: (filters: string) =>
    filters
      ? `目前没有符合 \`${filters}\` 的机会。试试减少关键词、降低 \`min-stars:\`，或直接用 \`/gigs\`。`
      : '目前没有通过筛选的机会。可在 gigops.yml 中降低 `radar.minStars` 或 `radar.minComments`，或稍后再试。',
  noMore: '已经全部显示。稍后再运行 `/gigs` 查看新机会。',
  rateLimited: (reset: string | undefined) =>
    reset
      ? `已达到 GitHub 速率限制，将于 ${reset} 重置。届时再试，或设置 GITHUB_TOKEN 以提高限额。`
      : '已达到 GitHub 速率限制。请一分钟后再试，或设置 GITHUB_TOKEN 以提高限额。',
  authFailed:
    'GitHub 拒绝了 GITHUB_TOKEN（凭据无效）。请新建一个 token（公开仓库无需任何权限）并重启 gigops。',
  githubDown: (detail: string) =>
    `GitHub 返回服务器错误（${detail}），问题在 GitHub 一侧。恢复后雷达即可使用，请几分钟后再试。`,
  githubUnreachable: (detail: string) =>
    `无法连接 GitHub（${detail}）：请检查 GITHUB_API_URL 和网络。`,
  notInChannel:
    '这条消息只有你能看到：用 `/invite @gigops` 邀请我，列表才会发到频道，提案草稿也能回复在其下。',
};

export const radarCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);
