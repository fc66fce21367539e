import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHubIssues } from './support/fake-github-issues.ts';
import { goPanicIssue } from './support/github-fixtures.ts';
import { buttonPress, draftIdOf } from './support/proposal-payloads.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { interactionBody, signedHeaders } from './support/slack-sign.ts';

/** A fake OpenAI-compatible /chat/completions that answers what `reply` says. */
let llm: Server;
let llmUrl = '';
const requests: Array<{ path: string; auth: string | undefined; body: Record<string, unknown> }> =
  [];
let reply: () => string = () => '';
/** When set, answers instead of `reply` (an endpoint that misbehaves); `sent` counts its bytes. */
let answer: ((res: ServerResponse, sent: { bytes: number }) => void) | undefined;
const sent = { bytes: 0 };

let gh: FakeGitHubIssues;
let t: TestBot;

beforeAll(async () => {
  llm = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    requests.push({
      path: req.url ?? '',
      auth: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    });
    if (answer) return answer(res, sent);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: reply() } }] }),
    );
  });
  await new Promise<void>((r) => llm.listen(0, '127.0.0.1', r));
  llmUrl = `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`;
  gh = await new FakeGitHubIssues().start();
  gh.issues.set('acme/pool#7', goPanicIssue());
  gh.issues.set('acme/pool#8', { ...goPanicIssue(), title: 'Another one' });
  gh.issues.set('acme/pool#9', { ...goPanicIssue(), title: 'A third' });
  gh.issues.set('acme/pool#10', { ...goPanicIssue(), title: 'A fourth' });
  t = await startTestBot('proposals:\n  approvers: [U0BOSS]\n', {
    GITHUB_API_URL: gh.url,
    LLM_BASE_URL: llmUrl,
    LLM_MODEL: 'qwen2.5:7b',
    LLM_API_KEY: 'sk-test-llm-key-123',
  });
});
afterAll(async () => {
  await t.close();
  await gh.stop();
  llm.closeAllConnections();
  await new Promise<void>((r) => llm.close(() => r()));
});

const post = (payload: unknown) => {
  const body = interactionBody(payload);
  return fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
};

async function draft(opportunityId: string) {
  await post(buttonPress('opportunity_draft', opportunityId));
  const call = await t.slack.waitFor('chat.postMessage', (c) =>
    JSON.stringify(c.params.blocks ?? '').includes(opportunityId),
  );
  return { call, id: draftIdOf(call) };
}

describe('Polish with an OpenAI-compatible LLM', () => {
  it('offers Polish and rewrites problem and plan, leaving evidence and price alone', async () => {
    const { call, id } = await draft('acme/pool#7');
    expect(JSON.stringify(call.params.blocks)).toContain('proposal_polish');
    reply = () =>
      '```json\n{"problem": "Your pool crashes when closed during Get.", "plan": "1. Test\\n2. Fix"}\n```';
    await post(buttonPress('proposal_polish', id));
    const updated = await t.slack.waitFor('chat.update');
    const json = JSON.stringify(updated.params.blocks);
    expect(json).toContain('Your pool crashes when closed during Get.');
    expect(json).toContain('at $90/h: $990');
    expectWithinSlackLimits(updated.params.blocks as object[]);
    const sent = requests.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.auth).toBe('Bearer sk-test-llm-key-123');
    expect(sent.body.model).toBe('qwen2.5:7b');
    expect(JSON.stringify(sent.body.messages)).not.toContain('USD');
    expect((await t.bot.deps.store.proposals.get(id))?.version).toBe(2);
  });

  it('keeps the draft and says so privately when the LLM answers nonsense', async () => {
    const { id } = await draft('acme/pool#8');
    const updates = t.slack.callsTo('chat.update').length;
    reply = () => 'Sure! Here is a better proposal.';
    await post(buttonPress('proposal_polish', id));
    // (The draft itself was the template's: the LLM's answer to drafting was not JSON either.)
    const told = await t.slack.waitFor('chat.postEphemeral', (c) =>
      String(c.params.text).includes('usable rewrite'),
    );
    expect(String(told.params.text)).toContain('did not return a usable rewrite');
    expect(t.slack.callsTo('chat.update')).toHaveLength(updates);
    expect((await t.bot.deps.store.proposals.get(id))?.version).toBe(1);
  });

  it('shows what the LLM wrote as text, and refuses a link the draft did not have', async () => {
    const { id } = await draft('acme/pool#9');
    reply = () =>
      JSON.stringify({
        problem: 'Your pool crashes, see <https://evil.example|the docs>.',
        plan: '1. Test\n2. Fix',
      });
    await post(buttonPress('proposal_polish', id));
    await t.slack.waitFor('chat.postEphemeral', (c) =>
      String(c.params.text).includes('added a link the draft did not have'),
    );
    expect((await t.bot.deps.store.proposals.get(id))?.version).toBe(1);
    reply = () =>
      JSON.stringify({
        problem: '<!channel> <@U0BOSS> your pool crashes when closed.',
        plan: '1. Test\n2. Fix',
      });
    await post(buttonPress('proposal_polish', id));
    const updated = await t.slack.waitFor('chat.update', (c) =>
      JSON.stringify(c.params.blocks ?? '').includes('your pool crashes'),
    );
    const json = JSON.stringify(updated.params.blocks);
    expect(json).toContain('&lt;!channel&gt; &lt;@U0BOSS&gt;');
    expect(json).not.toContain('<!channel>');
    expect(JSON.stringify(t.slack.calls)).not.toContain('evil.example');
  });

  it('stops reading a 30 MB answer, keeps the draft and says why', async () => {
    const { id } = await draft('acme/pool#10');
    const updates = t.slack.callsTo('chat.update').length;
    const before = t.slack.calls.length;
    sent.bytes = 0;
    answer = (res, s) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"choices": [{"message": {"content": "');
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (s.bytes < 30 * 1024 * 1024 && !res.destroyed) {
          s.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('"}}]}');
      };
      pump();
    };
    try {
      await post(buttonPress('proposal_polish', id));
      const tell = await t.slack.waitFor(
        'chat.postEphemeral',
        (c) => t.slack.calls.indexOf(c) >= before && String(c.params.text).includes('KiB'),
      );
      expect(String(tell.params.text)).toContain('larger than 256 KiB');
      expect(String(tell.params.text)).toContain('the draft is unchanged');
    } finally {
      answer = undefined;
    }
    // The connection was dropped well short of 30 MB.
    expect(sent.bytes).toBeLessThan(10 * 1024 * 1024);
    expect(t.slack.callsTo('chat.update')).toHaveLength(updates);
    expect((await t.bot.deps.store.proposals.get(id))?.version).toBe(1);
  });
});
