import { z } from 'zod';
import type { Locale } from '../../i18n/locale.ts';
import { proposalCopy } from '../../i18n/proposals.ts';

export interface LlmOptions {
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  fetch?: typeof fetch;
  /** The whole exchange, answer included (default 30 s). */
  timeoutMs?: number;
  /** The largest answer read (default 256 KiB): two rewritten sections are a few KiB. */
  maxBytes?: number;
}

export const LLM_MAX_BYTES = 256 * 1024;
export const LLM_TIMEOUT_MS = 30_000;

/** The answer passed a cap: larger than `maxBytes`, or slower than `timeoutMs`. */
export class LlmLimitError extends Error {
  readonly limit: 'size' | 'time';
  constructor(limit: 'size' | 'time', message: string) {
    super(message);
    this.name = 'LlmLimitError';
    this.limit = limit;
  }
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});
const proseSchema = z.object({ problem: z.string().min(1), plan: z.string().min(1) });

/** One chat turn: fixed instructions (system) and the data to work on (user, JSON). */
export interface ChatRequest {
  system: string;
  user: string;
}

/**
 * Asks an OpenAI-compatible `/chat/completions` (OpenAI, Ollama, llama.cpp,
 * vLLM …) and parses the JSON object its answer holds (a ```json fence
 * allowed). Throws when the endpoint fails, passes a cap, or answers
 * something that is not JSON.
 */
export async function askForJson(options: LlmOptions, chat: ChatRequest): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? LLM_TIMEOUT_MS;
  try {
    return await exchange(options, chat, AbortSignal.timeout(timeoutMs));
  } catch (error) {
    // The signal covers the answer too: a silent or dripping endpoint ends here.
    if (error instanceof Error && error.name === 'TimeoutError')
      throw new LlmLimitError('time', `LLM answer took longer than ${timeoutMs} ms`);
    throw error;
  }
}

/**
 * Rewrites the problem and plan prose. Throws when the endpoint fails or
 * answers with something that is not the two sections.
 */
export async function polishProse(
  options: LlmOptions,
  input: { locale: Locale; problem: string; plan: string },
): Promise<{ problem: string; plan: string }> {
  const answer = await askForJson(options, {
    system: proposalCopy(input.locale).polishInstructions,
    user: JSON.stringify({ problem: input.problem, plan: input.plan }),
  });
  const prose = proseSchema.parse(answer);
  return { problem: prose.problem.trim(), plan: prose.plan.trim() };
}

async function exchange(
  options: LlmOptions,
  chat: ChatRequest,
  signal: AbortSignal,
): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const res = await doFetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: options.model,
      temperature: 0.3,
      messages: [
        { role: 'system', content: chat.system },
        { role: 'user', content: chat.user },
      ],
    }),
    signal,
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`LLM endpoint answered HTTP ${res.status}`);
  }
  const text = await readCapped(res, options.maxBytes ?? LLM_MAX_BYTES);
  const content = completionSchema.parse(JSON.parse(text)).choices[0]!.message.content;
  const json = content.replace(/^\s*```(?:json)?\s*/i, '').replace(/\s*```\s*$/, '');
  return JSON.parse(json) as unknown;
}

/**
 * The answer's text, refused past `max` bytes: by its declared length before
 * reading, else as soon as the stream passes it (the connection is dropped, so
 * a 30 MB answer costs at most `max` of memory). Its text is untrusted: the
 * renderers escape it like anything from GitHub or Notion.
 */
async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw new LlmLimitError('size', `LLM answer too large (${declared} bytes; at most ${max})`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new LlmLimitError('size', `LLM answer too large (over ${max} bytes)`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
