import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSnapshots } from '../src/features/snapshots/index.ts';
import { Lifecycle } from '../src/lifecycle.ts';
import { createLogger } from '../src/log.ts';
import { registerJobs } from '../src/scheduling/index.ts';
import { type ScheduledJob, Scheduler } from '../src/scheduling/scheduler.ts';
import { tempDir } from './support/env.ts';
import { snapshotDeps } from './support/snapshot-deps.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** Runs a Wednesday-10:00 job under fake timers from `start` for `minutes`, returning its slots. */
async function firings(zone: string, start: string, minutes: number): Promise<string[]> {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  vi.setSystemTime(new Date(start));
  const lifecycle = new Lifecycle();
  lifecycle.phase = 'ready';
  const scheduler = new Scheduler(lifecycle, createLogger({ level: 'silent' }));
  const slots: string[] = [];
  scheduler.add({
    name: `snapshot:${zone}`,
    cron: '0 10 * * 3',
    timezone: zone,
    run: async (slot) => {
      slots.push(slot.toISOString());
    },
  });
  await scheduler.start();
  await vi.advanceTimersByTimeAsync(minutes * 60_000);
  await scheduler.stop();
  return slots;
}

describe('the snapshot cron fires on Wednesday 10:00 in the client zone', () => {
  it.each([
    ['America/New_York', '2026-10-28T13:55:00Z', '2026-10-28T14:00:00.000Z'], // EDT
    ['America/New_York', '2026-11-04T14:55:00Z', '2026-11-04T15:00:00.000Z'], // EST, after the change
    ['Europe/Berlin', '2026-10-21T07:55:00Z', '2026-10-21T08:00:00.000Z'], // CEST
    ['Europe/Berlin', '2026-10-28T08:55:00Z', '2026-10-28T09:00:00.000Z'], // CET, after the change
  ])('%s from %s fires once at %s', async (zone, start, expected) => {
    expect(await firings(zone, start, 15)).toEqual([expected]);
  });

  it('does not fire at 10:00 UTC or on other days for a New York client', async () => {
    expect(await firings('America/New_York', '2026-11-04T09:55:00Z', 60)).toEqual([]);
    expect(await firings('America/New_York', '2026-11-03T14:55:00Z', 15)).toEqual([]);
  });
});

describe('the zone a client snapshot runs in', () => {
  const client = `clients:
  - id: acme
    name: ACME Corp
    channel: C0ACME
    notionClient: ACME
delivery:
  notion:
    dataSourceId: ds-delivery
`;
  const snapshotJob = (yaml: string) => {
    const jobs: ScheduledJob[] = [];
    const deps = snapshotDeps({
      yaml,
      dataDir: tempDir(),
      slackApiUrl: 'http://127.0.0.1:9/api/',
      notionUrl: 'http://127.0.0.1:9',
      now: () => new Date(),
    });
    registerJobs({ add: (job: ScheduledJob) => jobs.push(job) } as unknown as Scheduler, [
      createSnapshots(deps),
    ]);
    void deps.store.close();
    return jobs.find((j) => j.name === 'snapshot:acme');
  };

  it('is the top-level timezone when the client names none, Wednesday 10:00 by default', () => {
    expect(snapshotJob(`timezone: Asia/Tokyo\n${client}`)).toMatchObject({
      cron: '0 10 * * 3',
      timezone: 'Asia/Tokyo',
    });
  });

  it('is UTC when neither names one', () => {
    expect(snapshotJob(client)?.timezone).toBe('UTC');
  });
});
