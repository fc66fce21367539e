import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

/**
 * Client reports (issue 23): the snapshot as a PDF, a web page and an e-mail,
 * read by the client outside Slack. Plain text, no mrkdwn; the figures'
 * wording (points, items, by points, …) is the Slack post's, in snapshots.ts.
 */
const en = {
  lang: 'en',
  title: (client: string) => `Weekly snapshot · ${client}`,
  week: (year: number, n: number) => `Week ${n}, ${year}`,
  asOf: (when: string) => `as of ${when}`,
  since: (when: string) => `Done this week counts from ${when}.`,
  completion: 'Completion overall',
  blockers: (n: number) => `Blockers (${n})`,
  noBlockers: 'No blockers.',
  done: (n: number) => `Done this week (${n})`,
  inReview: (n: number) => `In review (${n})`,
  nextUp: (n: number) => `Next up (${n})`,
  owner: (who: string) => `owner ${who}`,
  needs: (what: string) => `needs ${what}`,
  pr: 'pull request',
  pointsSuffix: (n: number) => `${n} pt`,
  chart: 'Completion by points, week by week',
  readOnly: "A read-only copy of this week's report, from gigops.",
  subject: (client: string, week: string, pct: number) =>
    `${client}: weekly snapshot ${week}, ${pct}% complete overall`,
  attached: 'The same report is attached as a PDF.',
  unsubscribe: (from: string) =>
    `You get this e-mail every week about this project. To stop it, reply to ${from} and say so.`,
  linkLine: 'Open it in a browser:',
  sentLate: 'Sent late: it was approved after its scheduled time.',
  note: (text: string) => `Note: ${text}`,
};

const zh: typeof en = {
  lang: 'zh-CN',
  title: (client: string) => `每周进度快照 · ${client}`,
  week: (year: number, n: number) => `${year} 年第 ${n} 周`,
  asOf: (when: string) => `截至 ${when}`,
  since: (when: string) => `“本周完成”自 ${when} 起计算。`,
  completion: '总体完成度',
  blockers: (n: number) => `阻塞项（${n}）`,
  noBlockers: '没有阻塞项。',
  done: (n: number) => `本周完成（${n}）`,
  inReview: (n: number) => `评审中（${n}）`,
  nextUp: (n: number) => `接下来（${n}）`,
  owner: (who: string) => `负责人 ${who}`,
  needs: (what: string) => `需要：${what}`,
  pr: '拉取请求',
  pointsSuffix: (n: number) => `${n} 点`,
  chart: '每周按故事点的完成度',
  readOnly: '本周报告的只读副本，由 gigops 生成。',
  subject: (client: string, week: string, pct: number) =>
    `${client}：每周进度快照 ${week}，总体完成度 ${pct}%`,
  attached: '附件为同一份报告的 PDF。',
  unsubscribe: (from: string) =>
    `本项目每周会给你发送这封邮件。如不想再收到，请回复 ${from} 告知。`,
  linkLine: '在浏览器中打开：',
  sentLate: '延迟发送：在预定时间之后才获批准。',
  note: (text: string) => `备注：${text}`,
};

export const reportCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);
