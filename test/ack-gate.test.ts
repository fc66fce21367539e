import { afterEach, describe, expect, it, vi } from 'vitest';
import { AckGate } from '../src/http/ack-gate.ts';

afterEach(() => {
  vi.useRealTimers();
});

const fake = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });

/** Moves the fake clock on so the next request starts a burst (after `restMs` without any). */
const rest = () => vi.advanceTimersByTimeAsync(1_000);

describe('AckGate', () => {
  it('holds follow-up work until every waiting request is answered', async () => {
    fake();
    await rest();
    const gate = new AckGate();
    const first = gate.begin();
    const second = gate.begin();
    let resumed = false;
    const idle = gate.idle().then(() => {
      resumed = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    first();
    first(); // answering twice counts once
    await vi.advanceTimersByTimeAsync(5);
    expect(resumed).toBe(false);
    expect(gate.pending).toBe(1);
    second();
    await vi.advanceTimersByTimeAsync(5);
    await idle;
    expect(resumed).toBe(true);
  });

  it('releases one waiter per turn, and closes again when a request arrives between', async () => {
    fake();
    await rest();
    const gate = new AckGate();
    const order: string[] = [];
    const a = gate.idle().then(() => order.push('a'));
    const b = gate.idle().then(() => order.push('b'));
    // One turn: only the first waiter goes; a request read on that turn closes the gate.
    await vi.advanceTimersToNextTimerAsync();
    expect(order).toEqual(['a']);
    const answered = gate.begin();
    await vi.advanceTimersByTimeAsync(20);
    expect(order).toEqual(['a']);
    answered();
    await vi.advanceTimersByTimeAsync(5);
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('waits until arrivals pause: the rest of a burst may be on its way', async () => {
    fake();
    await rest();
    const gate = new AckGate({ quietMs: 3 });
    let resumed = false;
    const idle = gate.idle().then(() => {
      resumed = true;
    });
    gate.begin()();
    await vi.advanceTimersByTimeAsync(2);
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(5);
    await idle;
    expect(resumed).toBe(true);
  });

  it('in a burst holds work up to burstMs, then lets all of it go', async () => {
    fake();
    await rest();
    const gate = new AckGate({ burstMs: 50, holdMs: 10 });
    gate.begin(); // a request that stays unanswered
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) => gate.idle().then(() => order.push(n)));
    await vi.advanceTimersByTimeAsync(45);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
  });

  it('under steady load holds work only holdMs: held work would pile up in memory', async () => {
    fake();
    await rest();
    const gate = new AckGate({ burstMs: 50, holdMs: 10, restMs: 100 });
    // Requests keep coming every 5 ms for 60 ms: past the burst, it is steady load.
    for (let t = 0; t < 60; t += 5) {
      gate.begin()();
      await vi.advanceTimersByTimeAsync(5);
    }
    gate.begin(); // one still waiting for its answer
    let resumed = false;
    const idle = gate.idle().then(() => {
      resumed = true;
    });
    await vi.advanceTimersByTimeAsync(8);
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(4);
    await idle;
    expect(resumed).toBe(true);
  });

  it('resumes on the next turn when nothing waits', async () => {
    const gate = new AckGate();
    await expect(gate.idle()).resolves.toBeUndefined();
  });
});
