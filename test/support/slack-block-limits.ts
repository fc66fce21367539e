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
  /** Image block (docs.slack.dev → image block, Slack file object). */
  imageAltText: 2000,
  imageTitle: 2000,
  imageUrl: 3000,
  /** bolt-js#2509: messages whose blocks total about 13k characters fail. */
  messageJson: 13_000,
} as const;

interface AnyBlock {
  type: string;
  text?: { text: string };
  title?: { type?: string; text: string };
  alt_text?: string;
  image_url?: string;
  slack_file?: { id?: string; url?: string };
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
    if (block.type === 'image') problems.push(...imageProblems(block, where));
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

/** Slack file ids as Slack checks them (`^[F][A-Z0-9]{8,}$`, its invalid_blocks message). */
const FILE_ID = /^F[A-Z0-9]{8,}$/;

/** An image block: alt text, a plain-text title, and exactly one source (a URL or one Slack file). */
function imageProblems(block: AnyBlock, where: string): string[] {
  const problems: string[] = [];
  const alt = block.alt_text ?? '';
  if (alt.length === 0 || alt.length > SLACK_LIMITS.imageAltText)
    problems.push(`${where}: alt_text ${alt.length} chars`);
  if (block.title) {
    if (block.title.type !== 'plain_text') problems.push(`${where}: title must be plain_text`);
    if (block.title.text.length > SLACK_LIMITS.imageTitle)
      problems.push(`${where}: title ${block.title.text.length} chars`);
  }
  if ((block.image_url === undefined) === (block.slack_file === undefined))
    problems.push(`${where}: exactly one of image_url and slack_file`);
  if ((block.image_url?.length ?? 0) > SLACK_LIMITS.imageUrl)
    problems.push(`${where}: image_url too long`);
  if (block.slack_file) {
    const { id, url } = block.slack_file;
    if ((id === undefined) === (url === undefined))
      problems.push(`${where}: slack_file needs exactly one of id and url`);
    if (id !== undefined && !FILE_ID.test(id)) problems.push(`${where}: slack_file id ${id}`);
  }
  return problems;
}
