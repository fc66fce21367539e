import cron from 'node-cron';
import { clientTimeZone } from '../config.ts';
import { openStore } from '../store/index.ts';
import type { Check, CheckContext } from './check.ts';

export async function checkStore({ config }: CheckContext): Promise<Check> {
  try {
    const store = await openStore(config.env);
    try {
      await store.ready();
      const where =
        store.engine === 'sqlite' ? `SQLite under ${config.env.DATA_DIR}` : 'PostgreSQL';
      return { name: 'Store', status: 'ok', detail: `${where}: reachable and migrated` };
    } finally {
      await store.close();
    }
  } catch (error) {
    return {
      name: 'Store',
      status: 'fail',
      detail: (error as Error).message,
      fix: config.env.DATABASE_URL
        ? 'check DATABASE_URL'
        : `check that DATA_DIR (${config.env.DATA_DIR}) is writable`,
    };
  }
}

/** Every schedule, with its next run in its own time zone. */
export async function checkSchedules({ config }: CheckContext): Promise<Check[]> {
  const jobs: Array<[string, string, string]> = [];
  if (config.radar.digest) jobs.push(['radar digest', config.radar.digest.cron, config.timezone]);
  if (config.delivery)
    jobs.push(['delivery reconciliation', config.delivery.pollCron, config.timezone]);
  for (const client of config.clients) {
    jobs.push([`snapshot ${client.id}`, client.snapshot.cron, clientTimeZone(config, client)]);
  }
  const checks: Check[] = [];
  for (const [name, expression, timezone] of jobs) {
    // node-cron knows the next run only of a started task; it never fires here.
    const task = cron.createTask(expression, () => {}, { timezone });
    await task.start();
    const next = task.getNextRun();
    await task.destroy();
    const when = next
      ? next.toLocaleString('en-GB', {
          timeZone: timezone,
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
        })
      : 'never';
    checks.push({
      name: `Schedule: ${name}`,
      status: 'ok',
      detail: `"${expression}" next ${when} (${timezone})`,
    });
  }
  return checks;
}
