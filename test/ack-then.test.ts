import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { App, type BlockAction, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.ts';
import { createRadar } from '../src/features/radar/index.ts';
import { AckGate } from '../src/http/ack-gate.ts';
import { Lifecycle } from '../src/lifecycle.ts';
import { ackThen, LATER, type Later } from '../src/listeners/ack-then.ts';
import { registerListeners } from '../src/listeners/index.ts';
import { createMetrics } from '../src/metrics.ts';
import { silentLogger } from './support/delivery.ts';

describe('ackThen', () => {
  it('in a plain Bolt app acks, then runs the work before returning', async () => {
    const order: string[] = [];
    await ackThen(
      async () => {
        order.push('ack');
      },
      async () => {
        order.push('work');
      },
    );
    expect(order).toEqual(['ack', 'work']);
  });

  it('under countAndGuard hands the work on and returns before it runs', async () => {
    const order: string[] = [];
    let handed: (() => Promise<unknown>) | undefined;
    const later: Later = async (work) => {
      order.push('ack');
      handed = work;
    };
    const ack = Object.assign(
      async () => {
        order.push('plain ack');
      },
      { [LATER]: later },
    );

    await ackThen(ack, async () => {
      order.push('work');
    });
    expect(order).toEqual(['ack']);
    await handed?.();
    expect(order).toEqual(['ack', 'work']);
  });

  it('carries the ack response (a modal answer) in both modes', async () => {
    const answer = { response_action: 'clear' as const };
    const plain: unknown[] = [];
    await ackThen(
      async (response?: typeof answer) => {
        plain.push(response);
      },
      async () => {},
      answer,
    );
    expect(plain).toEqual([answer]);

    const handed: unknown[] = [];
    const ack = Object.assign(async (_response?: typeof answer) => {}, {
      [LATER]: (async (_work, response) => {
        handed.push(response);
      }) satisfies Later,
    });
    await ackThen(ack, async () => {}, answer);
    expect(handed).toEqual([answer]);
  });

  it("lets Bolt's request be collected while the work waits for the gate; await ack() keeps it", async () => {
    // The garbage collector on demand, without starting the test process with --expose-gc.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
    const app = new App({
      receiver,
      authorize: async () => ({ botToken: 'xoxb-gc-test', botId: 'B0BOT', botUserId: 'U0BOT' }),
      convoStore: false,
    });
    const deps = {
      logger: silentLogger,
      metrics: createMetrics(),
      lifecycle: new Lifecycle(),
      config: { locale: 'en', clients: [], delivery: undefined, radar: {} },
    } as unknown as Deps;
    // Holds follow-up work for as long as a request waits for its answer.
    const gate = new AckGate({ burstMs: 60_000, holdMs: 60_000 });
    registerListeners(app, deps, gate, [createRadar(deps)]); // the radar: its real Dismiss
    const bodies: Record<string, WeakRef<object>> = {};
    const ran: string[] = [];
    app.action<BlockAction>('probe_then', async ({ ack, body, action }) => {
      bodies.handedOn = new WeakRef(body);
      const value = (action as { value: string }).value;
      await ackThen(ack, async () => {
        ran.push(value);
      });
    });
    app.action<BlockAction>('probe_await', async ({ ack, body, action }) => {
      bodies.awaiting = new WeakRef(body);
      await ack();
      ran.push((action as { value: string }).value);
    });
    const press = (actionId: string, value: string) => ({
      type: 'block_actions',
      team: { id: 'T0TEAM' },
      user: { id: 'U0USER' },
      api_app_id: 'A0APP',
      trigger_id: '1.2.3',
      // Some weight, as a real message's blocks have.
      message: { ts: '1.1', text: 'x'.repeat(10_000) },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1.1' }],
    });

    // The real Dismiss, with a value it refuses: its work only answers through response_url.
    const dismiss = () => {
      const body = {
        ...press('opportunity_dismiss', 'not-an-opportunity'),
        response_url: 'http://127.0.0.1:9/respond',
      };
      bodies.dismiss = new WeakRef(body);
      return app.processEvent({ body, ack: async () => {} });
    };

    const answered = gate.begin(); // another request still waits for its answer
    await app.processEvent({ body: press('probe_then', 'then'), ack: async () => {} });
    await dismiss();
    void app.processEvent({ body: press('probe_await', 'await'), ack: async () => {} });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5));
      gc();
    }
    expect(ran).toEqual([]);
    expect(bodies.handedOn?.deref()).toBeUndefined();
    expect(bodies.dismiss?.deref()).toBeUndefined();
    expect(bodies.awaiting?.deref()).toBeDefined();

    answered();
    await expect.poll(() => [...ran].sort()).toEqual(['await', 'then']);
    // Dismiss's answer cannot reach 127.0.0.1:9: logged and counted, nothing thrown.
    expect(await deps.lifecycle.drain(5_000)).toBe(true);
    const counted = await deps.metrics.registry.getSingleMetricAsString(
      'gigops_slack_requests_total',
    );
    expect(counted).toContain(
      'gigops_slack_requests_total{kind="block_actions",name="opportunity_dismiss",outcome="error"} 1',
    );
  });
});
