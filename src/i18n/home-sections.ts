import { type Locale, pick } from './locale.ts';

const en = {
  newOpportunitiesTitle: 'New opportunities since your last visit',
  opportunitiesTitle: 'Open opportunities',
  noNewOpportunities: 'Nothing new since your last visit. `/gigs` searches again.',
  score: (n: number) => `score ${n}`,
  awaitingTitle: 'Drafts awaiting approval',
  noneAwaiting: 'No drafts waiting. Press *Draft proposal* on an opportunity to start one.',
  hours: (h: number) => `~${h} h`,
  toFunnel:
    'Where they go next (drafted → approved → sent → pull request → validated → won): *Leads* below, or `/gigs leads`.',
};

const zh: typeof en = {
  newOpportunitiesTitle: '自上次查看以来的新机会',
  opportunitiesTitle: '当前开放的机会',
  noNewOpportunities: '自上次查看以来没有新机会。运行 `/gigs` 重新搜索。',
  score: (n: number) => `评分 ${n}`,
  awaitingTitle: '待审批的提案草稿',
  noneAwaiting: '没有待审批的草稿。在机会上点击 *起草提案* 即可开始。',
  hours: (h: number) => `约 ${h} 小时`,
  toFunnel:
    '后续去向（起草 → 批准 → 发送 → PR → 验证 → 成交）：见下方 *线索*，或运行 `/gigs leads`。',
};

export const homeSectionsCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);
