import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../src/lifecycle.ts';
import { ackThen, onHandOn } from '../src/listeners/ack-then.ts';
import { createLogger } from '../src/log.ts';

function setup() {
  let log = '';
  const logger = createLogger({
    destination: new Writable({
      write(chunk, _enc, cb) {
        log += chunk.toString();
        cb();
      },
    }),
  });
  let open: () => void = () => {};
  const gate = new Promise<void>((r) => {
    open = r;
  });
  const events: string[] = [];
  const deps = { idle: () => gate, lifecycle: new Lifecycle(), logger };
  const ack = async () => {
    events.push('ack');
  };
  return { deps, ack, events, open, log: () => log };
}

describe('ackThen', () => {
  it('acks, lets the listener return, and runs the work only when the gate opens', async () => {
    const s = setup();
    await ackThen(s.deps, s.ack, async () => {
      s.events.push('work');
    });
    s.events.push('listener returned');
    await new Promise((r) => setImmediate(r));
    expect(s.events).toEqual(['ack', 'listener returned']);
    expect(s.deps.lifecycle.inFlight).toBe(1);
    s.open();
    expect(await s.deps.lifecycle.drain(1_000)).toBe(true);
    expect(s.events).toEqual(['ack', 'listener returned', 'work']);
  });

  it('hands the work to whoever gave the ack (countAndGuard), failure included', async () => {
    const s = setup();
    let handed: Promise<void> | undefined;
    onHandOn(s.ack, (work) => {
      handed = work;
    });
    await ackThen(s.deps, s.ack, async () => {
      throw new Error('database is locked');
    });
    expect(handed).toBeDefined();
    expect(s.deps.lifecycle.inFlight).toBe(0);
    s.open();
    await expect(handed).rejects.toThrow('database is locked');
  });

  it('on its own, keeps the work in the drain set and logs a failure', async () => {
    const s = setup();
    await ackThen(s.deps, s.ack, async () => {
      throw new Error('database is locked');
    });
    s.open();
    expect(await s.deps.lifecycle.drain(1_000)).toBe(true);
    expect(s.log()).toContain('database is locked');
  });
});
