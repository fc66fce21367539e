import { afterEach, describe, expect, it, vi } from 'vitest';
import { AckGate } from '../src/http/ack-gate.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('AckGate', () => {
  it('holds follow-up work until every waiting request is answered', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const gate = new AckGate(250);
    const first = gate.begin();
    const second = gate.begin();
    let resumed = false;
    const idle = gate.idle().then(() => {
      resumed = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    first();
    first(); // answering twice counts once
    await vi.advanceTimersByTimeAsync(0);
    expect(resumed).toBe(false);
    expect(gate.pending).toBe(1);
    second();
    await vi.advanceTimersByTimeAsync(5);
    await idle;
    expect(resumed).toBe(true);
  });

  it('releases one waiter per turn, and closes again when a request arrives between', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const gate = new AckGate(250);
    const order: string[] = [];
    const a = gate.idle().then(() => order.push('a'));
    const b = gate.idle().then(() => order.push('b'));
    // One turn: only the first waiter goes; a request read on that turn closes the gate.
    await vi.advanceTimersToNextTimerAsync();
    expect(order).toEqual(['a']);
    const answered = gate.begin();
    await vi.advanceTimersByTimeAsync(100);
    expect(order).toEqual(['a']);
    answered();
    await vi.advanceTimersByTimeAsync(5);
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('waits until arrivals pause: the rest of a burst may be on its way', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const gate = new AckGate(250, 3);
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

  it('lets follow-up work go after maxWaitMs under a steady stream', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const gate = new AckGate(250);
    gate.begin();
    let resumed = false;
    const idle = gate.idle().then(() => {
      resumed = true;
    });
    await vi.advanceTimersByTimeAsync(249);
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await idle;
    expect(resumed).toBe(true);
  });

  it('resumes on the next turn when nothing waits', async () => {
    const gate = new AckGate();
    await expect(gate.idle()).resolves.toBeUndefined();
  });
});
