import { describe, expect, it } from 'vitest';
import { ackThen, LATER, type Later } from '../src/listeners/ack-then.ts';

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
});
