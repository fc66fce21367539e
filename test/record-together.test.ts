import { describe, expect, it } from 'vitest';
import { recordTogether } from '../src/features/delivery/record-together.ts';
import type { NewWebhookEvent } from '../src/store/delivery-store.ts';

const event = (id: string): NewWebhookEvent => ({
  id,
  event: 'pull_request',
  payload: '{"targets":[]}',
  receivedAt: new Date(Date.UTC(2026, 10, 23)),
});

describe('recordTogether (group commit of webhook deliveries)', () => {
  it('records the deliveries of one turn in one call, and tells each caller its own answer', async () => {
    const calls: string[][] = [];
    const seen = new Set<string>();
    const record = recordTogether({
      recordWebhookEvents: async (events) => {
        calls.push(events.map((e) => e.id));
        return events.map((e) => {
          const fresh = !seen.has(e.id);
          seen.add(e.id);
          return fresh;
        });
      },
    });
    const first = await Promise.all([record(event('a')), record(event('b')), record(event('a'))]);
    expect(first).toEqual([true, true, false]);
    expect(calls).toEqual([['a', 'b', 'a']]);
    // The next turn is the next batch.
    expect(await record(event('b'))).toBe(false);
    expect(calls).toEqual([['a', 'b', 'a'], ['b']]);
  });

  it('gives every caller of a failed commit the error, and the next batch goes on', async () => {
    let fail = true;
    const record = recordTogether({
      recordWebhookEvents: async (events) => {
        if (fail) throw new Error('database is locked');
        return events.map(() => true);
      },
    });
    const answers = await Promise.allSettled([record(event('a')), record(event('b'))]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(String((answers[0] as PromiseRejectedResult).reason)).toContain('database is locked');
    fail = false;
    expect(await record(event('c'))).toBe(true);
  });
});
