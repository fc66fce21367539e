import cron, { type ScheduledTask } from 'node-cron';
import type { Lifecycle } from '../lifecycle.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';

export interface ScheduledJob {
  /** Stable name; also the `job` of the store slot it claims. */
  name: string;
  cron: string;
  timezone: string;
  /** Runs once per firing; `slotTime` is the scheduled minute, not the wall clock. */
  run(slotTime: Date): Promise<void>;
}

/**
 * Cron jobs call services, nothing else. Exactly-once across replicas is the
 * job's own business (it claims its slot in the store); the scheduler only
 * fires, logs, keeps runs in the drain set and stops cleanly.
 */
export class Scheduler {
  readonly #tasks = new Map<string, ScheduledTask>();
  readonly #lifecycle: Lifecycle;
  readonly #logger: Logger;
  readonly #metrics: Metrics | undefined;

  constructor(lifecycle: Lifecycle, logger: Logger, metrics?: Metrics) {
    this.#lifecycle = lifecycle;
    this.#logger = logger.child({ component: 'scheduler' });
    this.#metrics = metrics;
  }

  add(job: ScheduledJob): void {
    const task = cron.createTask(
      job.cron,
      (ctx) => {
        if (!this.#lifecycle.accepting) return;
        const slot = new Date(Math.floor(ctx.date.getTime() / 60_000) * 60_000);
        const work = job.run(slot).then(
          () => this.#metrics?.jobs.inc({ job: job.name, outcome: 'fired' }),
          (error: unknown) => {
            this.#metrics?.jobs.inc({ job: job.name, outcome: 'failed' });
            this.#logger.error({ err: error, job: job.name, slot }, 'scheduled job failed');
          },
        );
        return this.#lifecycle.track(work);
      },
      { name: job.name, timezone: job.timezone, noOverlap: true },
    );
    this.#tasks.set(job.name, task);
  }

  /** When each job runs next, for the App Home and doctor. */
  nextRuns(): Array<{ name: string; next: Date | null }> {
    return [...this.#tasks].map(([name, task]) => ({ name, next: task.getNextRun() }));
  }

  async start(): Promise<void> {
    for (const task of this.#tasks.values()) await task.start();
  }

  async stop(): Promise<void> {
    for (const task of this.#tasks.values()) await task.destroy();
    this.#tasks.clear();
  }
}
