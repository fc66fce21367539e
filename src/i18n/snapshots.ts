import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

const en = {
  header: (client: string) => `Weekly snapshot · ${client}`,
  // The rate is over the whole backlog, not this week's: say so (issue 19, item 8).
  fallback: (client: string, pct: number) => `${client}: ${pct}% complete overall`,
  late: ':hourglass: Posted late: the bot was offline at the scheduled time.',
  lateApproved: ':hourglass: Sent late: it was approved after its scheduled time.',
  note: (text: string) => `:memo: *Note:* ${text}`,
  completion: (pts: string, items: string) => `*Completion overall* ${pts} · ${items}`,
  points: (done: number, total: number) => `${done} of ${total} points`,
  items: (done: number, total: number) => `${done} of ${total} items`,
  byPoints: 'by points',
  byCount: 'by count',
  blockers: (n: number) => `:no_entry: *Blockers (${n})*`,
  blockerAge: (days: number) => (days === 1 ? 'no update for 1 day' : `no update for ${days} days`),
  noBlockers: ':white_check_mark: No blockers.',
  owner: (who: string) => `owner ${who}`,
  needs: (what: string) => `needs ${what}`,
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
  // Held for approval (clients[].snapshot.hold)
  heldIntro: (channel: string, emails: number, when: string) =>
    `:lock: *Held for approval.* Nothing reaches the client until an admin presses *Approve*. Then it goes to <#${channel}>${emails > 0 ? ` and by e-mail to ${emails === 1 ? '1 address' : `${emails} addresses`}` : ''} at ${when}, or at once if that time has passed (marked late).`,
  noteLabel: 'Note for the client (optional)',
  notePlaceholder: 'Added to the report, in Slack, the e-mail, the PDF and the page',
  approve: 'Approve',
  approved: (user: string, when: string) =>
    `:white_check_mark: Approved by <@${user}>: it goes out ${when}.`,
  approvedLate: (user: string, channel: string) =>
    `:white_check_mark: Approved by <@${user}> after its scheduled time: sent now to <#${channel}>, marked late.`,
  alreadyApproved: (user: string) => `Already approved by <@${user}>; nothing changed.`,
  tooLate: (when: string) =>
    `Too late to approve: the grace window ended ${when}, so nothing was sent this week.`,
  noHeld: 'That held snapshot is no longer there; run `/gigs snapshot` for this week’s.',
  expired: (client: string, week: string, when: string) =>
    `:no_entry: ${client}’s snapshot for ${week} was not approved by ${when}, so nothing was sent this week.`,
  heldPending: (client: string) =>
    `${client}’s snapshot is held for approval: admins have the preview with *Approve*.`,
  expiredWeek: (week: string) =>
    `This week’s snapshot (${week}) was held and not approved in time: nothing is sent this week.`,
};

const zh: typeof en = {
  header: (client: string) => `每周进度快照 · ${client}`,
  fallback: (client: string, pct: number) => `${client}：总体完成度 ${pct}%`,
  late: ':hourglass: 延迟发布：预定时间机器人未在线。',
  lateApproved: ':hourglass: 延迟发送：在预定时间之后才获批准。',
  note: (text: string) => `:memo: *备注：* ${text}`,
  completion: (pts: string, items: string) => `*总体完成度* ${pts} · ${items}`,
  points: (done: number, total: number) => `${done} / ${total} 点`,
  items: (done: number, total: number) => `${done} / ${total} 项`,
  byPoints: '按故事点',
  byCount: '按条目数',
  blockers: (n: number) => `:no_entry: *阻塞项（${n}）*`,
  blockerAge: (days: number) => `${days} 天无更新`,
  noBlockers: ':white_check_mark: 没有阻塞项。',
  owner: (who: string) => `负责人 ${who}`,
  needs: (what: string) => `需要：${what}`,
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
  heldIntro: (channel: string, emails: number, when: string) =>
    `:lock: *待审批。* 管理员点 *批准* 之前，客户收不到任何内容。批准后于 ${when} 发送到 <#${channel}>${emails > 0 ? `，并发邮件给 ${emails} 个地址` : ''}；若已过该时间则立即发送（标注为延迟）。`,
  noteLabel: '给客户的备注（可选）',
  notePlaceholder: '会附在报告中：Slack、邮件、PDF 和网页',
  approve: '批准',
  approved: (user: string, when: string) =>
    `:white_check_mark: <@${user}> 已批准：将于 ${when} 发送。`,
  approvedLate: (user: string, channel: string) =>
    `:white_check_mark: <@${user}> 在预定时间之后批准：已立即发送到 <#${channel}>，并标注为延迟。`,
  alreadyApproved: (user: string) => `<@${user}> 已经批准过了；未做任何更改。`,
  tooLate: (when: string) => `批准太晚了：宽限期已于 ${when} 结束，本周没有发送任何内容。`,
  noHeld: '这份待审快照已不存在；请运行 `/gigs snapshot` 查看本周的快照。',
  expired: (client: string, week: string, when: string) =>
    `:no_entry: ${client} 的 ${week} 快照在 ${when} 之前未获批准，本周没有发送任何内容。`,
  heldPending: (client: string) =>
    `${client} 的快照正在等待审批：管理员已收到带 *批准* 按钮的预览。`,
  expiredWeek: (week: string) => `本周快照（${week}）待审批但未及时获批：本周不会发送。`,
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
