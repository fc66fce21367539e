import type { FailureKind } from '../clients/network-failure.ts';
import type { SchemaProblem } from '../domain/check-delivery-schema.ts';
import type { Locale } from './locale.ts';
import { pick } from './locale.ts';

const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(' or ');

const en = {
  syncTitle: (updated: number) =>
    updated === 0
      ? 'Notion is in step with GitHub: nothing to change.'
      : `Updated ${updated} Notion item${updated === 1 ? '' : 's'}.`,
  syncCounts: (checked: number, unchanged: number, repos: number, notModified: number) =>
    `${checked} pull request${checked === 1 ? '' : 's'} changed since the last sync, ${unchanged} already right · ${repos} repo${repos === 1 ? '' : 's'}, ${notModified} unchanged on GitHub`,
  changeLine: (pr: string, item: string, what: string) => `${pr} → *${item}*: ${what}`,
  changeStatus: (from: string | undefined, to: string) => `${from ?? '—'} → ${to}`,
  changeFields: (fields: string[]) => fields.join(', '),
  refusedTitle: 'Not written: items of another client',
  refusedLine: (pr: string, item: string, client: string | undefined) =>
    `${pr} names *${item}*${client ? ` (client ${client})` : ''}`,
  refusedFix:
    "A pull request moves only items of the client whose `repos` (gigops.yml → clients) list its repository. If it belongs there, add the repository to that client's `repos`.",
  unmatchedTitle: 'Pull requests with no Notion item',
  unmatchedLine: (pr: string, title: string) => `${pr} ${title}`,
  unmatchedFix:
    'Link the Notion page in the pull request’s description, or put the pull request’s URL in the item’s `PR` property.',
  syncFailed: (what: string, error: string) =>
    `:warning: \`${what}\` could not be synced: ${error}. The next sync tries again.`,
  syncRunning:
    'A sync is already running (the schedule, or another replica): its changes reach Notion in a moment. Run `/gigs sync` again afterwards for a report.',
  schemaTitle: 'The Notion delivery data source does not match gigops.yml',
  schemaProblem: (p: SchemaProblem): string => {
    switch (p.kind) {
      case 'missing':
        return `Property \`${p.name}\` is missing (expected ${list(p.expected)}): add it to the data source, or set \`delivery.notion.properties.${p.key}\` to the property’s name.`;
      case 'wrong_type':
        return `Property \`${p.name}\` is \`${p.actual}\`, expected ${list(p.expected)}: change its type in Notion, or point \`delivery.notion.properties.${p.key}\` at another property.`;
      case 'missing_option':
        return `\`${p.property}\` has no option \`${p.option}\`: add it in Notion, or change \`delivery.notion.statusMap.${p.key}\`.`;
    }
  },
  /** A failed Notion call, by what the classifier (network-failure.ts) made of it. */
  notionFailed: (kind: FailureKind, detail: string) =>
    ({
      unreachable: `Notion is unreachable (${detail}): check NOTION_API_URL and the network.`,
      server: `Notion answered with a server error (${detail}); it is on Notion's side: try again in a few minutes.`,
      rate_limit: 'Notion is rate limiting us; try again in a minute.',
      credentials: `Notion rejected NOTION_TOKEN (${detail}): copy the integration secret from notion.so/my-integrations.`,
      other: `Notion could not be read (${detail}). Check that the delivery database is shared with the integration.`,
    })[kind],
};

const zh: typeof en = {
  syncTitle: (updated: number) =>
    updated === 0 ? 'Notion 已与 GitHub 一致，无需更改。' : `已更新 ${updated} 个 Notion 条目。`,
  syncCounts: (checked: number, unchanged: number, repos: number, notModified: number) =>
    `自上次同步以来有 ${checked} 个 PR 变化，其中 ${unchanged} 个已是最新 · 共 ${repos} 个仓库，${notModified} 个在 GitHub 上无变化`,
  changeLine: (pr: string, item: string, what: string) => `${pr} → *${item}*：${what}`,
  changeStatus: (from: string | undefined, to: string) => `${from ?? '—'} → ${to}`,
  changeFields: (fields: string[]) => fields.join('、'),
  refusedTitle: '未写入：属于其他客户的条目',
  refusedLine: (pr: string, item: string, client: string | undefined) =>
    `${pr} 指向 *${item}*${client ? `（客户 ${client}）` : ''}`,
  refusedFix:
    'PR 只能更新其仓库列在该客户 `repos`（gigops.yml → clients）中的条目。若确属该客户，请把仓库加入其 `repos`。',
  unmatchedTitle: '没有对应 Notion 条目的 PR',
  unmatchedLine: (pr: string, title: string) => `${pr} ${title}`,
  unmatchedFix: '请在 PR 描述中贴上 Notion 页面链接，或在条目的 `PR` 属性中填入 PR 链接。',
  syncFailed: (what: string, error: string) =>
    `:warning: \`${what}\` 同步失败：${error}。下次同步会重试。`,
  syncRunning:
    '已有一次同步在进行（定时任务或另一个副本）：其更改稍后写入 Notion。完成后再运行 `/gigs sync` 查看报告。',
  schemaTitle: 'Notion 交付数据源与 gigops.yml 不一致',
  schemaProblem: (p: SchemaProblem): string => {
    switch (p.kind) {
      case 'missing':
        return `缺少属性 \`${p.name}\`（应为 ${list(p.expected)}）：请在数据源中添加，或将 \`delivery.notion.properties.${p.key}\` 设为实际属性名。`;
      case 'wrong_type':
        return `属性 \`${p.name}\` 的类型是 \`${p.actual}\`，应为 ${list(p.expected)}：请在 Notion 中修改类型，或让 \`delivery.notion.properties.${p.key}\` 指向其他属性。`;
      case 'missing_option':
        return `\`${p.property}\` 没有选项 \`${p.option}\`：请在 Notion 中添加，或修改 \`delivery.notion.statusMap.${p.key}\`。`;
    }
  },
  notionFailed: (kind: FailureKind, detail: string) =>
    ({
      unreachable: `无法连接 Notion（${detail}）：请检查 NOTION_API_URL 和网络。`,
      server: `Notion 返回服务器错误（${detail}），问题在 Notion 一侧：请几分钟后再试。`,
      rate_limit: 'Notion 正在限流；请一分钟后再试。',
      credentials: `Notion 拒绝了 NOTION_TOKEN（${detail}）：请从 notion.so/my-integrations 复制集成密钥。`,
      other: `无法读取 Notion（${detail}）。请确认交付数据库已共享给该集成。`,
    })[kind],
};

export const deliveryCopy = (locale: Locale) => pick({ en, 'zh-CN': zh }, locale);
