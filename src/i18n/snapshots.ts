import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

const en = {
  header: (client: string) => `Weekly snapshot · ${client}`,
  // The rate is over the whole backlog, not this week's: say so (issue 19, item 8).
  fallback: (client: string, pct: number) => `${client}: ${pct}% complete overall`,
  late: ':hourglass: Posted late: the bot was offline at the scheduled time.',
  completion: (pts: string, items: string) => `*Completion overall* ${pts} · ${items}`,
  points: (done: number, total: number) => `${done} of ${total} points`,
  items: (done: number, total: number) => `${done} of ${total} items`,
  byPoints: 'by points',
  byCount: 'by count',
  blockers: (n: number) => `:no_entry: *Blockers (${n})*`,
  blockerAge: (days: number) => (days === 1 ? 'no update for 1 day' : `no update for ${days} days`),
  noBlockers: ':white_check_mark: No blockers.',
  done: (n: number) => `*Done this week (${n})*`,
  noneDone: 'Nothing reached Done this week yet.',
  inReview: (n: number) => `*In review (${n})*`,
  reviewer: (who: string) => `reviewer ${who}`,
  ci: (result: string) => `CI ${result}`,
  nextUp: (n: number) => `*Next up (${n})*`,
  more: (n: number) => `…and ${n} more`,
  since: (when: string) => `Since ${when}`,
  notion: 'Open in Notion',
  webPage: 'Web page for anyone outside Slack',
  previewNote: 'Preview: only you can see this. *Post now* sends it to',
  postNow: 'Post now',
  pickClient: 'Which client’s snapshot?',
  unknownClient: (id: string, ids: string) => `no client \`${id}\`; configured: ${ids}`,
  noClients:
    'No clients yet: add a `clients` list to gigops.yml (id, name, channel, notionClient).',
  needNotion:
    'Snapshots read the Notion delivery data source: set NOTION_TOKEN and add `delivery.notion.dataSourceId` to gigops.yml.',
  notionProblem: (detail: string) => `:warning: ${detail}`,
  posted: (channel: string) => `Posted this week’s snapshot to <#${channel}>.`,
  alreadyPosted: (week: string, channel: string) =>
    `This week’s snapshot (${week}) is already in <#${channel}>: one post per week.`,
  chartTitle: (client: string) => `${client}: completion over recent weeks`,
  chartAlt: (client: string, rates: string) =>
    `Bar chart of ${client}'s completion by points, week by week: ${rates}`,
  pdfTitle: (client: string, week: string) => `${client}: weekly snapshot ${week} (PDF)`,
};

const zh: typeof en = {
  header: (client: string) => `每周进度快照 · ${client}`,
  fallback: (client: string, pct: number) => `${client}：总体完成度 ${pct}%`,
  late: ':hourglass: 延迟发布：预定时间机器人未在线。',
  completion: (pts: string, items: string) => `*总体完成度* ${pts} · ${items}`,
  points: (done: number, total: number) => `${done} / ${total} 点`,
  items: (done: number, total: number) => `${done} / ${total} 项`,
  byPoints: '按故事点',
  byCount: '按条目数',
  blockers: (n: number) => `:no_entry: *阻塞项（${n}）*`,
  blockerAge: (days: number) => `${days} 天无更新`,
  noBlockers: ':white_check_mark: 没有阻塞项。',
  done: (n: number) => `*本周完成（${n}）*`,
  noneDone: '本周还没有完成的条目。',
  inReview: (n: number) => `*评审中（${n}）*`,
  reviewer: (who: string) => `评审人 ${who}`,
  ci: (result: string) => `CI ${result}`,
  nextUp: (n: number) => `*接下来（${n}）*`,
  more: (n: number) => `……另有 ${n} 项`,
  since: (when: string) => `自 ${when} 起`,
  notion: '在 Notion 中打开',
  webPage: '网页版（无需 Slack）',
  previewNote: '预览：仅你可见。*立即发布* 将发送到',
  postNow: '立即发布',
  pickClient: '查看哪个客户的快照？',
  unknownClient: (id: string, ids: string) => `没有客户 \`${id}\`；已配置：${ids}`,
  noClients:
    '尚未配置客户：请在 gigops.yml 中添加 `clients` 列表（id、name、channel、notionClient）。',
  needNotion:
    '快照读取 Notion 交付数据源：请设置 NOTION_TOKEN，并在 gigops.yml 中添加 `delivery.notion.dataSourceId`。',
  notionProblem: (detail: string) => `:warning: 读取 Notion 失败：${detail}`,
  posted: (channel: string) => `本周快照已发布到 <#${channel}>。`,
  alreadyPosted: (week: string, channel: string) =>
    `本周快照（${week}）已在 <#${channel}> 发布：每周只发一次。`,
  chartTitle: (client: string) => `${client}：近几周完成度`,
  chartAlt: (client: string, rates: string) => `${client} 每周按故事点的完成度柱状图：${rates}`,
  pdfTitle: (client: string, week: string) => `${client}：每周进度快照 ${week}（PDF）`,
};

export const snapshotCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);

const homeEn = {
  title: 'gigops',
  clients: '*Clients*',
  clientLine: (name: string, pct: string, blockers: number) =>
    `*${name}* · ${pct}${blockers > 0 ? ` · :no_entry: ${blockers} blocked` : ''}`,
  noData: 'no data',
  nextSnapshot: (when: string) => `next snapshot ${when}`,
  clientError: (name: string) => `*${name}* · could not read Notion; see the logs`,
  health: '*Integrations*',
  healthLine: (service: string, ok: string, err: string) => `*${service}* · ${ok} · ${err}`,
  lastOk: (when: string) => `last success ${when}`,
  lastError: (when: string, message: string) => `last error ${when}: ${message}`,
  never: 'no calls yet',
  noError: 'no errors',
  notionOff: 'Notion is off: set NOTION_TOKEN and `delivery.notion` to see client progress.',
  clientsAdminsOnly: (users: readonly string[]) =>
    `Client progress is shown to admins only: ${users.map((u) => `<@${u}>`).join(', ')}.`,
  updated: (when: string) => `Updated ${when}`,
};

const homeZh: typeof homeEn = {
  title: 'gigops',
  clients: '*客户*',
  clientLine: (name: string, pct: string, blockers: number) =>
    `*${name}* · ${pct}${blockers > 0 ? ` · :no_entry: ${blockers} 项阻塞` : ''}`,
  noData: '暂无数据',
  nextSnapshot: (when: string) => `下次快照 ${when}`,
  clientError: (name: string) => `*${name}* · 读取 Notion 失败；请查看日志`,
  health: '*集成状态*',
  healthLine: (service: string, ok: string, err: string) => `*${service}* · ${ok} · ${err}`,
  lastOk: (when: string) => `最近成功 ${when}`,
  lastError: (when: string, message: string) => `最近错误 ${when}：${message}`,
  never: '尚无调用',
  noError: '无错误',
  notionOff: 'Notion 未启用：设置 NOTION_TOKEN 和 `delivery.notion` 后可查看客户进度。',
  clientsAdminsOnly: (users: readonly string[]) =>
    `客户进度仅对管理员显示：${users.map((u) => `<@${u}>`).join('、')}。`,
  updated: (when: string) => `更新于 ${when}`,
};

export const homeCopy = (locale: Locale) => pick({ en: homeEn, 'zh-CN': homeZh }, locale);
