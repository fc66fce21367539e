import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { parsePrometheus } from './support/prometheus.ts';
import { signedHeaders, slashCommandBody } from './support/slack-sign.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
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
  });
});
