import { createNotion } from '../clients/notion.ts';
import { retrieveDeliverySchema } from '../clients/notion-delivery.ts';
import { checkDeliverySchema } from '../domain/check-delivery-schema.ts';
import { deliveryCopy } from '../i18n/delivery.ts';
import { type Check, type CheckContext, failureCheck, statusOf } from './check.ts';

/** Checks access to the delivery data source and its schema: every property, type and status option. */
export async function checkNotion({ config, logger, fetch }: CheckContext): Promise<Check> {
  const token = config.env.NOTION_TOKEN;
  const delivery = config.delivery;
  if (!token || !delivery) {
    return {
      name: 'Notion',
      status: 'warn',
      detail: 'off: delivery sync and snapshots are disabled',
      fix: token
        ? 'add a `delivery` section to gigops.yml'
        : 'set NOTION_TOKEN and add a `delivery` section',
    };
  }
  const notion = createNotion({
    token,
    baseUrl: config.env.NOTION_API_URL,
    logger,
    ...(fetch ? { fetch } : {}),
  });
  const id = delivery.notion.dataSourceId;
  try {
    const schema = await retrieveDeliverySchema(notion, id);
    const check = checkDeliverySchema(schema, delivery.notion);
    if (!check.ok) {
      const copy = deliveryCopy('en');
      const [first, ...rest] = check.problems.map((p) => copy.schemaProblem(p));
      return {
        name: 'Notion',
        status: 'fail',
        detail: `data source ${id} does not match gigops.yml: ${first}`,
        fix: rest.length > 0 ? `also: ${rest.join(' ')}` : 'then run `npm run doctor` again',
      };
    }
    const count = Object.keys(schema.properties).length;
    return {
      name: 'Notion',
      status: 'ok',
      detail: `data source ${id}: ${count} properties, every configured one usable`,
    };
  } catch (error) {
    if (statusOf(error) === 404)
      return {
        name: 'Notion',
        status: 'fail',
        detail: `data source ${id} not found or not shared with the integration`,
        fix: 'open the database in Notion → ••• → Connections → add your integration; check delivery.notion.dataSourceId',
      };
    return failureCheck('Notion', error, {
      service: 'Notion',
      urlVar: 'NOTION_API_URL',
      url: config.env.NOTION_API_URL,
      tokenVar: 'NOTION_TOKEN',
      rejectedDetail: '401 unauthorized',
      rejectedFix: 'copy the integration secret from notion.so/my-integrations into NOTION_TOKEN',
    });
  }
}
