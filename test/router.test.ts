import { App, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { routeListeners } from '../src/slack/router.ts';

/** A Bolt App with no server: requests go straight to processEvent. */
function boltApp() {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  // authorize, not a token: with a token and no verification Bolt would call auth.test per request.
  return new App({
    receiver,
    authorize: async () => ({ botToken: 'xoxb-router-test', botId: 'B0BOT', botUserId: 'U0BOT' }),
    convoStore: false,
  });
}

/** Sends one payload through Bolt; resolves with whether a listener acked it. */
async function deliver(app: App, body: Record<string, unknown>): Promise<boolean> {
  let acked = false;
  await app.processEvent({
    body,
    ack: async () => {
      acked = true;
    },
  });
  return acked;
}

const press = (actionId: string) => ({
  type: 'block_actions',
  team: { id: 'T0TEAM' },
  user: { id: 'U0USER' },
  api_app_id: 'A0APP',
  trigger_id: '1.2.3',
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'v', action_ts: '1.1' }],
});

const submit = (callbackId: string) => ({
  type: 'view_submission',
  team: { id: 'T0TEAM' },
  user: { id: 'U0USER' },
  api_app_id: 'A0APP',
  trigger_id: '1.2.3',
  view: { id: 'V1', callback_id: callbackId, private_metadata: '', state: { values: {} } },
});

describe('routeListeners', () => {
  it('hands each button and modal to the handler registered for its id, and only that one', async () => {
    const app = boltApp();
    const { listeners, mount } = routeListeners(app);
    const heard: string[] = [];
    for (const id of ['proposal_approve', 'proposal_reject'])
      listeners.action(id, async ({ ack, action }) => {
        await ack();
        heard.push(`${id}:${(action as { value: string }).value}`);
      });
    listeners.view('proposal_edit_modal', async ({ ack, view }) => {
      await ack();
      heard.push(`modal:${view.callback_id}`);
    });
    mount();

    expect(await deliver(app, press('proposal_reject'))).toBe(true);
    expect(await deliver(app, submit('proposal_edit_modal'))).toBe(true);
    expect(heard).toEqual(['proposal_reject:v', 'modal:proposal_edit_modal']);
  });

  it('leaves an id nobody registered unacked, so the guard can answer it', async () => {
    const app = boltApp();
    const { listeners, mount } = routeListeners(app);
    let called = 0;
    listeners.action('opportunity_dismiss', async ({ ack }) => {
      called += 1;
      await ack();
    });
    mount();

    // A prefix or a longer id is not the registered id: the pattern is exact.
    expect(await deliver(app, press('opportunity_dismiss_old'))).toBe(false);
    expect(await deliver(app, press('opportunity'))).toBe(false);
    expect(await deliver(app, submit('opportunity_dismiss'))).toBe(false);
    expect(called).toBe(0);
  });

  it('refuses a second handler for the same id instead of running both', () => {
    const { listeners } = routeListeners(boltApp());
    listeners.action('proposal_edit', async () => {});
    expect(() => listeners.action('proposal_edit', async () => {})).toThrow(/proposal_edit/);
  });

  it('gives Bolt any other constraint unchanged', async () => {
    const app = boltApp();
    const { listeners, mount } = routeListeners(app);
    let matched = '';
    listeners.action(/^snapshot_/, async ({ ack, action }) => {
      await ack();
      matched = (action as { action_id: string }).action_id;
    });
    mount();

    expect(await deliver(app, press('snapshot_post'))).toBe(true);
    expect(matched).toBe('snapshot_post');
  });
});
