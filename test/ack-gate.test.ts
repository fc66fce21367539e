import { afterEach, describe, expect, it, vi } from 'vitest';
import { AckGate } from '../src/http/ack-gate.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('AckGate', () => {
  it('holds follow-up work until every waiting request is answered', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate'] });
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
    await idle;
    expect(resumed).toBe(true);
  });

  it('lets follow-up work go after maxWaitMs under a steady stream', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate'] });
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
