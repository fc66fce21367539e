/**
 * Slack's Block Kit limits as plain code (no test runner): the fake Slack,
 * which the benches also run, refuses what real Slack would.
 */

/** Slack's documented Block Kit limits (see shared/FACTS.md). */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  /** bolt-js#2509: messages whose blocks total about 13k characters fail. */
  messageJson: 13_000,
} as const;

interface AnyBlock {
  type: string;
  text?: { text: string };
  fields?: Array<{ text: string }>;
  elements?: AnyElement[];
  accessory?: AnyElement;
}
interface AnyElement {
  type: string;
  text?: { text: string } | string;
  action_id?: string;
  value?: string;
}

/**
 * What Slack would answer to these blocks: `msg_blocks_too_long` for a message
 * past about 13k characters of blocks, `invalid_blocks` for any other broken
 * limit, undefined when Slack takes them (the fake Slack answers the same).
 */
export function slackBlocksError(
  blocks: readonly object[],
  kind: 'message' | 'view' = 'message',
): { error: 'invalid_blocks' | 'msg_blocks_too_long'; problems: string[] } | undefined {
  const problems = slackLimitProblems(blocks, kind);
  if (problems.length === 0) return undefined;
  const tooLong = problems.length === 1 && problems[0]!.startsWith('blocks JSON');
  return { error: tooLong ? 'msg_blocks_too_long' : 'invalid_blocks', problems };
}

/** Every limit of shared/FACTS.md that a message or view breaks, in words. */
export function slackLimitProblems(
  blocks: readonly object[],
  kind: 'message' | 'view' = 'message',
): string[] {
  const problems: string[] = [];
  const max = kind === 'view' ? SLACK_LIMITS.viewBlocks : SLACK_LIMITS.messageBlocks;
  if (blocks.length > max) problems.push(`${blocks.length} blocks > ${max}`);
  if (kind === 'message' && JSON.stringify(blocks).length > SLACK_LIMITS.messageJson) {
    problems.push(
      `blocks JSON ${JSON.stringify(blocks).length} chars > ${SLACK_LIMITS.messageJson}`,
    );
  }
  const checkElement = (el: AnyElement, where: string) => {
    if (el.type === 'button') {
      const label = typeof el.text === 'string' ? el.text : (el.text?.text ?? '');
      if (label.length > SLACK_LIMITS.buttonText)
        problems.push(`${where}: button text ${label.length} chars`);
      if ((el.value?.length ?? 0) > SLACK_LIMITS.buttonValue)
        problems.push(`${where}: button value too long`);
    }
    if ((el.action_id?.length ?? 0) > SLACK_LIMITS.actionId)
      problems.push(`${where}: action_id too long`);
  };
  blocks.forEach((b, i) => {
    const block = b as AnyBlock;
    const where = `block ${i} (${block.type})`;
    if (block.type === 'section' && (block.text?.text.length ?? 0) > SLACK_LIMITS.sectionText) {
      problems.push(
        `${where}: text ${block.text?.text.length} chars > ${SLACK_LIMITS.sectionText}`,
      );
    }
    if (block.type === 'header' && (block.text?.text.length ?? 0) > SLACK_LIMITS.headerText) {
      problems.push(
        `${where}: header ${block.text?.text.length} chars > ${SLACK_LIMITS.headerText}`,
      );
    }
    if (block.fields) {
      if (block.fields.length > SLACK_LIMITS.fields)
        problems.push(`${where}: ${block.fields.length} fields`);
      for (const f of block.fields) {
        if (f.text.length > SLACK_LIMITS.fieldText)
          problems.push(`${where}: field ${f.text.length} chars`);
      }
    }
    if (block.accessory) checkElement(block.accessory, where);
    for (const el of block.elements ?? []) checkElement(el, where);
  });
  return problems;
}
