import { afterEach, describe, expect, it } from 'vitest';
import type { BotProcess } from './support/bot-process.ts';
import { FakeSlack, type RecordedCall } from './support/fake-slack.ts';
import { FakeGitHubLeads, fakePull, LEADS_CHANNEL, LOGIN } from './support/leads.ts';
import {
  closeTable,
  freshDatabase,
  killReplicas,
  minuteToRace,
  startReplicas,
  stopReplicas,
  waitFor,
} from './support/replicas.ts';
import { postgresAvailable } from './support/stores.ts';

/**
 * Two real bot processes on one fresh PostgreSQL database, polling leads
 * every second (the slot is the minute) and at start-up: one message per
 * pull request and one validation announcement, whatever the number of
 * replicas, and again after both restart.
 */
let bots: BotProcess[] = [];
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await killReplicas(bots.splice(0));
  for (const done of cleanup.splice(0).reverse()) await done();
});

const YAML = `
proposals:
  githubLogin: ${LOGIN}
leads:
  channel: ${LEADS_CHANNEL}
  pollCron: "* * * * * *"
`;

const kind = (c: RecordedCall) =>
  (c.params.metadata as { event_type?: string } | undefined)?.event_type;

describe.skipIf(!postgresAvailable)('leads on two replicas', { timeout: 60_000 }, () => {
  it('one message and one validation announcement per lead, across both and a restart', async () => {
    const db = await freshDatabase();
    cleanup.push(db.drop);
    const slack = await new FakeSlack().start();
    cleanup.push(() => slack.stop());
    const github = await new FakeGitHubLeads().start();
    cleanup.push(() => github.stop());
    github.logins.add(LOGIN);
    const pr = github.add(fakePull({ repo: 'gin-gonic/gin', author: LOGIN }));
    pr.comments.push({
      id: 'IC_1',
      login: 'mo',
      association: 'OWNER',
      body: 'Thanks, merging',
      at: '2026-11-05T10:00:00Z',
    });
    const env = { GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghp_replicas_0123456789' };

    const race = await minuteToRace();
    const gate = await closeTable(db, 'job_slots');
    bots = startReplicas({ db, yaml: YAML, env, slackApiUrl: slack.apiUrl });
    await Promise.all(bots.map((b) => b.ready));
    await gate.waiting(2, 'both replicas claiming a leads poll slot');
    race.sameMinute();
    await gate.open();
    await slack.waitFor('chat.postMessage', (c) => kind(c) === 'gigops_lead_validated');
    // Let the cron's later ticks (the same minute's slot: already polled) come and go.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await stopReplicas(bots)).toEqual([0, 0]);
    const posts = () => slack.callsTo('chat.postMessage').map(kind);
    expect(posts()).toEqual(['gigops_lead', 'gigops_lead_validated']);

    // Restarted, both poll at start-up (one of them runs it): nothing is posted again,
    // and a new maintainer comment is told once.
    pr.comments.push({
      id: 'IC_2',
      login: 'mo',
      association: 'OWNER',
      body: 'Merged in 1.10',
      at: '2026-11-21T10:00:00Z',
    });
    pr.updatedAt = '2026-11-21T10:00:00Z';
    bots = startReplicas({ db, yaml: YAML, env, slackApiUrl: slack.apiUrl });
    await Promise.all(bots.map((b) => b.ready));
    await slack.waitFor('chat.postMessage', (c) => kind(c) === 'gigops_lead_event');
    await waitFor(async () => slack.callsTo('chat.update').length > 0, 'the lead message edited');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await stopReplicas(bots)).toEqual([0, 0]);
    expect(posts()).toEqual(['gigops_lead', 'gigops_lead_validated', 'gigops_lead_event']);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    const rows = await db.query(
      'SELECT validated_at IS NOT NULL AS validated, validation_ts FROM leads',
    );
    expect(rows).toEqual([{ validated: true, validation_ts: expect.stringMatching(/^\d+\.\d+$/) }]);
  });
});
