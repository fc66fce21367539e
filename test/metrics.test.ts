import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointOf, slackRequestName } from '../src/metrics.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { parsePrometheus } from './support/prometheus.ts';
import { buttonPress } from './support/radar.ts';
import { signedHeaders, slashCommandBody } from './support/slack-sign.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot('', { GITHUB_WEBHOOK_SECRET: 'metrics-webhook-secret' });
});
afterAll(async () => {
  await t.close();
});

describe('GET /metrics', () => {
  it('serves valid Prometheus text that counts commands and ack latency', async () => {
    const body = slashCommandBody('help', t.slack.responseUrl('metrics'));
    await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      body,
      headers: signedHeaders(SIGNING_SECRET, body),
    });
    await t.slack.waitFor('response_url:/respond/metrics');

    const unsigned = await fetch(`${t.url}/github/webhook`, {
      method: 'POST',
      body: '{}',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'd1',
      },
    });
    expect(unsigned.status).toBe(401);

    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples, types } = parsePrometheus(await res.text());
    expect(types.get('gigops_slack_requests_total')).toBe('counter');
    expect(types.get('gigops_ack_seconds')).toBe('histogram');
    expect(
      samples.find(
        (s) =>
          s.name === 'gigops_slack_requests_total' &&
          s.labels.name === '/gigs' &&
          s.labels.outcome === 'ok',
      )?.value,
    ).toBe(1);
    expect(
      samples.find((s) => s.name === 'gigops_ack_seconds_count' && s.labels.kind === 'http')?.value,
    ).toBe(1);
    expect(samples.some((s) => s.name === 'gigops_process_resident_memory_bytes')).toBe(true);
    expect(
      samples.find(
        (s) =>
          s.name === 'gigops_upstream_requests_total' &&
          s.labels.service === 'slack' &&
          s.labels.endpoint === '/api/auth.test',
      )?.value,
    ).toBe(1);
    // An unsigned delivery is one `rejected` series, whatever its X-GitHub-Event says.
    expect(
      samples
        .filter((s) => s.name === 'gigops_webhook_deliveries_total')
        .map((s) => [s.labels.event, s.labels.outcome, s.value]),
    ).toEqual([['other', 'rejected', 1]]);
  });

  it('grows by no series however many unsigned webhooks, odd events and unknown Slack ids arrive', async () => {
    const seriesCount = async () =>
      parsePrometheus(await (await fetch(`${t.url}/metrics`)).text()).samples.filter((s) =>
        /^gigops_(webhook_deliveries|slack_requests|upstream_requests)_total$/.test(s.name),
      ).length;
    // One of each first, so every fixed label value that can appear has appeared.
    const unsigned = (event: string) =>
      fetch(`${t.url}/github/webhook`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', 'x-github-event': event },
      });
    const press = (actionId: string, name: string) => {
      const body = buttonPress({
        actionId,
        value: 'x',
        message: { ts: '1.1', text: '', blocks: [] },
        responseUrl: t.slack.responseUrl(name),
      });
      return fetch(`${t.url}/slack/events`, {
        method: 'POST',
        body,
        headers: signedHeaders(SIGNING_SECRET, body),
      });
    };
    await unsigned('warmup');
    await press('warmup_action', 'warmup');
    await t.slack.waitFor('response_url:/respond/warmup');
    const before = await seriesCount();
    for (let i = 0; i < 300; i++)
      expect((await unsigned(`evil_${i}_${'x'.repeat(i % 30)}`)).status).toBe(401);
    for (let i = 0; i < 30; i++) {
      expect((await press(`evil_action_${i}`, `evil-${i}`)).status).toBe(200);
      await t.slack.waitFor(`response_url:/respond/evil-${i}`);
    }
    expect(await seriesCount()).toBe(before);
  });

  it('counts a listener that throws as an error, and tells the user it failed', async () => {
    // The store's write fails under the bot: Dismiss acks, then its write throws. (Closing
    // the whole store would now stop the request at the door: 503, its signature unrecorded.)
    t.bot.deps.store.opportunities.dismiss = async () => {
      throw new Error('disk gone');
    };
    const body = buttonPress({
      actionId: 'opportunity_dismiss',
      value: 'golang/go#1',
      message: { ts: '1700000001.000100', blocks: [] },
      responseUrl: t.slack.responseUrl('broken'),
    });
    const res = await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      body,
      headers: signedHeaders(SIGNING_SECRET, body),
    });
    expect(res.status).toBe(200);
    const told = await t.slack.waitFor('response_url:/respond/broken');
    expect(told.params.text).toMatch(/went wrong on our side/);
    const { samples } = parsePrometheus(await (await fetch(`${t.url}/metrics`)).text());
    const dismiss = samples.filter(
      (s) => s.name === 'gigops_slack_requests_total' && s.labels.name === 'opportunity_dismiss',
    );
    expect(dismiss.map((s) => [s.labels.outcome, s.value])).toEqual([['error', 1]]);
  });
});

describe('upstream endpoint labels', () => {
  it('are templates from a fixed set: no owner, repository, id or token reaches a label', () => {
    expect(endpointOf('/commands/T0ABCDEF12/1234567890123/AbCdEfGhIjKlMnOpQrStUvWx')).toBe(
      'response_url',
    );
    expect(endpointOf('/upload/v1/CwABAAAAXbQvs0l2dDk5UvZbl0e8SQoAAAAAQ')).toBe('file_upload');
    expect(endpointOf('/v1/pages/0f3a5b2c-1d4e-4f6a-8b9c-0d1e2f3a4b5c')).toBe('/v1/pages/:id');
    expect(endpointOf('/repos/acme/widgets/pulls/42')).toBe('/repos/:owner/:repo/pulls/:n');
    expect(endpointOf('/api/v3/repos/evil-1/x/issues/9')).toBe('/repos/:owner/:repo/issues/:n');
    expect(endpointOf('/api/chat.postMessage')).toBe('/api/chat.postMessage');
    expect(endpointOf('/repos/a/b/../../rate_limit/issues/1')).toBe('other');
    expect(endpointOf('/anything/else')).toBe('other');
  });
});

/** PRODUCT.md's "Slack identifiers": the action and modal ids outside tests press. */
const PRODUCT_IDS = [
  'opportunity_draft',
  'opportunity_dismiss',
  'opportunity_more',
  'proposal_approve',
  'proposal_edit',
  'proposal_reject',
  'proposal_comment',
  'snapshot_post',
  'snapshot_approve',
  'lead_won',
  'proposal_edit_modal',
  'proposal_reject_modal',
  'proposal_paste_modal',
  'lead_won_modal',
];

describe('Slack request labels', () => {
  it('name every action and modal id of the contract, so none is counted as other', () => {
    expect(PRODUCT_IDS.filter((id) => slackRequestName(id) !== id)).toEqual([]);
    expect(slackRequestName('not_an_id')).toBe('other');
  });
});
