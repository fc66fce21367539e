import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { adminsOf, isAdmin } from '../../domain/roles.ts';
import { commonCopy } from '../../i18n/common.ts';
import { funnelCopy } from '../../i18n/leads-funnel.ts';
import { allowAdmin } from '../../listeners/admin-only.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { LEAD_WON_ACTION, leadRef } from './lead-blocks.ts';
import { editLeadMessage, openModal } from './presenter.ts';

export const LEAD_WON_MODAL = 'lead_won_modal';
const AMOUNT = 'amount';

type PressArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * A typed amount → a positive number: `1200`, `1,200.50`, `$1200`, `1200 USD`;
 * a problem otherwise. Grouping commas only where they group thousands.
 */
export function parseAmount(text: string, currency: string): number | 'not_positive' | 'too_large' {
  const t = text
    .trim()
    .replace(new RegExp(`\\s*${currency}$`, 'i'), '')
    .replace(/^[$€£¥₹]\s*/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t)) return 'not_positive';
  const n = Number(t.replace(/,/g, ''));
  if (!(n > 0)) return 'not_positive';
  return n > 1e9 ? 'too_large' : n;
}

function modal(deps: Deps, leadId: string, ref: string, initial: number | undefined): ModalView {
  const copy = funnelCopy(deps.config.locale);
  const currency = deps.config.proposals.currency;
  return {
    type: 'modal',
    callback_id: LEAD_WON_MODAL,
    private_metadata: JSON.stringify({ id: leadId }),
    title: { type: 'plain_text', text: copy.modalTitle },
    submit: { type: 'plain_text', text: copy.submit },
    close: { type: 'plain_text', text: copy.cancel },
    blocks: [
      { type: 'context', elements: [{ type: 'plain_text', text: ref.slice(0, 150) }] },
      {
        type: 'input',
        block_id: AMOUNT,
        label: { type: 'plain_text', text: copy.amountLabel(currency) },
        hint: { type: 'plain_text', text: copy.amountHint },
        element: {
          type: 'plain_text_input',
          action_id: AMOUNT,
          ...(initial === undefined ? {} : { initial_value: String(initial) }),
        },
      },
    ],
  };
}

/** **Mark as won** (`lead_won`, admins) opens `lead_won_modal`; its amount records a paying client. */
export function registerLeadWon(app: Listeners, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(LEAD_WON_ACTION, async (args: PressArgs) => {
    const id = args.action.value ?? '';
    const user = args.body.user.id;
    const triggerId = args.body.trigger_id;
    const { client, respond } = args;
    await args.ack();
    const copy = funnelCopy(deps.config.locale);
    const say = async (text: string) => {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    };
    if (!(await allowAdmin(deps, user, 'won', respond))) return;
    const lead = await deps.store.leads.get(id);
    if (!lead) return say(copy.unknownLead);
    if (!lead.validatedAt) return say(copy.notValidated);
    await openModal(client, triggerId, modal(deps, lead.id, leadRef(lead), lead.won?.amount));
  });

  app.view<ViewSubmitAction>(LEAD_WON_MODAL, async (args: SubmitArgs) => {
    const copy = funnelCopy(deps.config.locale);
    const error = (text: string) =>
      args.ack({ response_action: 'errors', errors: { [AMOUNT]: text } });
    const meta = z
      .object({ id: z.string().min(1) })
      .safeParse(safeJson(args.view.private_metadata));
    const user = args.body.user.id;
    if (!meta.success) return error(copy.unknownLead);
    // The modal's answer is a field error: the same refusal allowAdmin gives a button.
    if (!isAdmin(deps.config, user))
      return error(commonCopy(deps.config.locale).onlyAdmins('won', adminsOf(deps.config)));
    const { currency } = deps.config.proposals;
    const amount = parseAmount(args.view.state.values[AMOUNT]?.[AMOUNT]?.value ?? '', currency);
    if (amount === 'not_positive') return error(copy.notPositive);
    if (amount === 'too_large') return error(copy.tooLarge);
    const lead = await deps.store.leads.recordWon(
      meta.data.id,
      { amount, currency, by: user },
      deps.now(),
    );
    if (!lead) {
      const known = await deps.store.leads.get(meta.data.id);
      return error(known ? copy.notValidated : copy.unknownLead);
    }
    // The modal closes at once; the lead's message shows the amount after.
    await args.ack();
    await editLeadMessage(deps, lead);
  });
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}
