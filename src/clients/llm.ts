import { z } from 'zod';

export interface LlmOptions {
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});
const proseSchema = z.object({ problem: z.string().min(1), plan: z.string().min(1) });

const INSTRUCTIONS = {
  en: 'You edit freelance proposals for Go work. Rewrite the two sections so they read naturally and speak to the client. Keep every fact, number, error text, code block, link and the numbered steps. No new claims, no flattery, no headings. Answer with JSON only: {"problem": "...", "plan": "..."}.',
  'zh-CN':
    '你负责润色 Go 外包提案。改写两个部分，使其自然、面向客户。保留所有事实、数字、错误信息、代码块、链接和编号步骤。不要添加新说法、不要恭维、不要标题。只用 JSON 回答：{"problem": "...", "plan": "..."}。',
} as const;

/**
 * Rewrites the problem and plan prose through an OpenAI-compatible
 * `/chat/completions` (OpenAI, Ollama, llama.cpp, vLLM …). Throws when the
 * endpoint fails or answers with something that is not the two sections.
 */
export async function polishProse(
  options: LlmOptions,
  input: { locale: 'en' | 'zh-CN'; problem: string; plan: string },
): Promise<{ problem: string; plan: string }> {
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
        { role: 'system', content: INSTRUCTIONS[input.locale] },
        { role: 'user', content: JSON.stringify({ problem: input.problem, plan: input.plan }) },
      ],
    }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  if (!res.ok) throw new Error(`LLM endpoint answered HTTP ${res.status}`);
  const content = completionSchema.parse(await res.json()).choices[0]!.message.content;
  const json = content.replace(/^\s*```(?:json)?\s*/i, '').replace(/\s*```\s*$/, '');
  const prose = proseSchema.parse(JSON.parse(json));
  return { problem: prose.problem.trim(), plan: prose.plan.trim() };
}
