import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

/** The lead funnel (`/gigs leads`, the App Home) and the won modal; the rest is in leads.ts. */

const en = {
  title: 'Leads',
  source: (source: string) =>
    ({ github: 'GitHub issues', post: 'Pasted job posts' })[source] ?? `Source \`${source}\``,
  direct: 'Your pull requests without a listed issue',
  steps: {
    listed: 'listed',
    drafted: 'drafted',
    approved: 'approved',
    sent: 'sent',
    prOpened: 'PR opened',
    validated: 'validated',
    won: 'won',
  },
  following: (open: number, channel: string) =>
    `Following ${open} open pull request${open === 1 ? '' : 's'} in <#${channel}>.`,
  medianReply: (days: string, n: number) =>
    `Median time from PR to first maintainer reply: *${days} days* (${n} PR${n === 1 ? '' : 's'}).`,
  noReplies: 'No maintainer has replied to a pull request yet.',
  mergeRate: (merged: number, total: number, pct: number) =>
    `Merge rate: *${pct}%* (${merged} of ${total} pull requests merged).`,
  wonTitle: '*Won per month*',
  wonMonth: (month: string, amount: string, n: number) => `${month}: ${amount} (${n})`,
  noWon: 'Nothing marked won yet: press *Mark as won* on a validated lead.',
  moneyAdminsOnly: 'Won amounts are shown to admins only.',
  empty:
    'No leads yet. gigops finds your open pull requests in others’ repositories on `leads.pollCron`, or add one with `/gigs leads watch <url>`.',
  noLogin:
    ':information_source: Set `proposals.githubLogin` so gigops finds your pull requests by itself; until then only `/gigs leads watch` adds leads.',
  noToken:
    ':information_source: Pull request details come from GitHub’s GraphQL API, which needs `GITHUB_TOKEN`.',
  homeTitle: '*Leads*',
  homeLine: (open: number, validated: number, won: number) =>
    `${open} open · ${validated} validated · ${won} won`,
  homeMoney: (amount: string) => `Won this month: ${amount}`,
  homeHint: 'Type `/gigs leads` for the funnel by source.',
  modalTitle: 'Lead won',
  amountLabel: (currency: string) => `Amount (${currency})`,
  amountHint: 'What the client pays for this work, e.g. 1200 or 1,200.50.',
  submit: 'Record',
  cancel: 'Cancel',
  notPositive: 'Enter a positive amount, e.g. 1200 or 1,200.50.',
  tooLarge: 'That amount is too large; enter it without extra digits.',
  notValidated:
    'This lead is not validated yet: it can be marked won once merged or a maintainer replies.',
  unknownLead: 'gigops no longer knows this lead; run `/gigs leads` for the current ones.',
  recorded: (amount: string, ref: string) => `Recorded ${amount} for ${ref}.`,
};

const zh: typeof en = {
  title: '线索',
  source: (source: string) =>
    ({ github: 'GitHub issue', post: '粘贴的招聘帖' })[source] ?? `来源 \`${source}\``,
  direct: '没有对应已列出 issue 的 PR',
  steps: {
    listed: '已列出',
    drafted: '已起草',
    approved: '已批准',
    sent: '已发送',
    prOpened: '已提 PR',
    validated: '已验证',
    won: '已成交',
  },
  following: (open: number, channel: string) => `正在 <#${channel}> 跟踪 ${open} 个进行中的 PR。`,
  medianReply: (days: string, n: number) =>
    `从提 PR 到维护者首次回复的中位时间：*${days} 天*（${n} 个 PR）。`,
  noReplies: '还没有维护者回复过 PR。',
  mergeRate: (merged: number, total: number, pct: number) =>
    `合并率：*${pct}%*（${total} 个 PR 中合并 ${merged} 个）。`,
  wonTitle: '*每月成交额*',
  wonMonth: (month: string, amount: string, n: number) => `${month}：${amount}（${n}）`,
  noWon: '还没有成交记录：在已验证的线索上点 *标记为成交*。',
  moneyAdminsOnly: '成交金额仅管理员可见。',
  empty:
    '还没有线索。gigops 会按 `leads.pollCron` 查找你在他人仓库的 PR，也可以用 `/gigs leads watch <链接>` 添加。',
  noLogin:
    ':information_source: 设置 `proposals.githubLogin` 后 gigops 会自动查找你的 PR；在此之前只能用 `/gigs leads watch` 添加。',
  noToken: ':information_source: PR 详情来自 GitHub GraphQL API，需要设置 `GITHUB_TOKEN`。',
  homeTitle: '*线索*',
  homeLine: (open: number, validated: number, won: number) =>
    `${open} 个进行中 · ${validated} 个已验证 · ${won} 个已成交`,
  homeMoney: (amount: string) => `本月成交：${amount}`,
  homeHint: '输入 `/gigs leads` 查看按来源的漏斗。',
  modalTitle: '线索成交',
  amountLabel: (currency: string) => `金额（${currency}）`,
  amountHint: '客户为这项工作支付的金额，例如 1200 或 1,200.50。',
  submit: '记录',
  cancel: '取消',
  notPositive: '请输入正数金额，例如 1200 或 1,200.50。',
  tooLarge: '金额过大；请去掉多余的位数。',
  notValidated: '该线索尚未验证：合并或维护者回复后才能标记成交。',
  unknownLead: 'gigops 已找不到这条线索；运行 `/gigs leads` 查看当前线索。',
  recorded: (amount: string, ref: string) => `已为 ${ref} 记录 ${amount}。`,
};

export const funnelCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);
