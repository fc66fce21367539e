import type { DeliveryConfig } from '../config.ts';
import type { DeliveryPropertyKinds, DeliverySchema } from './delivery-schema.ts';

type PropertyKey = keyof DeliveryConfig['notion']['properties'];

export type SchemaProblem =
  | { kind: 'missing'; key: PropertyKey; name: string; expected: string[] }
  | { kind: 'wrong_type'; key: PropertyKey; name: string; expected: string[]; actual: string }
  | {
      kind: 'missing_option';
      key: keyof DeliveryConfig['notion']['statusMap'];
      option: string;
      property: string;
    };

export type SchemaCheck =
  | { ok: true; kinds: DeliveryPropertyKinds }
  | { ok: false; problems: SchemaProblem[] };

// owner and blockedReason are optional: read when the data source has them, never required.
const EXPECTED: Record<Exclude<PropertyKey, 'blocked' | 'owner' | 'blockedReason'>, string[]> = {
  status: ['status', 'select'],
  pr: ['url'],
  reviewer: ['rich_text', 'people'],
  date: ['date'],
  qa: ['select', 'rich_text'],
  points: ['number'],
  client: ['select'],
};

/**
 * Checks every configured property exists with a usable type and every
 * statusMap value is an option of the status property. A select QA property
 * gets its options created by Notion on first write, so they are not checked.
 */
export function checkDeliverySchema(
  schema: DeliverySchema,
  notion: Pick<DeliveryConfig['notion'], 'properties' | 'statusMap'>,
): SchemaCheck {
  const problems: SchemaProblem[] = [];
  const { properties: names } = notion;
  for (const key of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) {
    const name = names[key];
    const found = schema.properties[name];
    const expected = EXPECTED[key];
    if (!found) problems.push({ kind: 'missing', key, name, expected });
    else if (!expected.includes(found.type))
      problems.push({ kind: 'wrong_type', key, name, expected, actual: found.type });
  }
  const status = schema.properties[names.status];
  if (status && EXPECTED.status.includes(status.type)) {
    for (const [key, option] of Object.entries(notion.statusMap)) {
      if (!status.options.includes(option))
        problems.push({
          kind: 'missing_option',
          key: key as keyof DeliveryConfig['notion']['statusMap'],
          option,
          property: names.status,
        });
    }
  }
  const blocked = schema.properties[names.blocked];
  const blockedIsStatusValue =
    !blocked && status !== undefined && status.options.includes(names.blocked);
  if (blocked && blocked.type !== 'checkbox')
    problems.push({
      kind: 'wrong_type',
      key: 'blocked',
      name: names.blocked,
      expected: ['checkbox', 'status value'],
      actual: blocked.type,
    });
  else if (!blocked && !blockedIsStatusValue)
    problems.push({
      kind: 'missing',
      key: 'blocked',
      name: names.blocked,
      expected: ['checkbox', 'status value'],
    });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    kinds: {
      status: status!.type as DeliveryPropertyKinds['status'],
      reviewer: schema.properties[names.reviewer]!.type as DeliveryPropertyKinds['reviewer'],
      qa: schema.properties[names.qa]!.type as DeliveryPropertyKinds['qa'],
      blocked: blocked ? 'checkbox' : 'status_value',
    },
  };
}
