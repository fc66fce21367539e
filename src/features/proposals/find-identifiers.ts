/**
 * The code a report names: Go identifiers (`queue.Backend`, `(*Pool).Close`,
 * `XAutoClaim`), commands in capitals (`XAUTOCLAIM`), code spans, and the
 * function a stack trace fails in. Brand names and prose acronyms are not code.
 */
const SKIP_CAPS = new Set(
  'HTTP HTTPS JSON YAML API APIS URL URLS README TODO FIXME NOTE IMPORTANT WARNING ASAP FAQ HTML CSS EOF PR PRS UTC USD EUR GBP CNY NDA MVP CI CD AWS GCP SQL OK LGTM IMO IMHO TLDR'.split(
    ' ',
  ),
);
/** Brand names in CamelCase are not code (GitHub, PostgreSQL …). */
const SKIP_CAMEL = new Set(
  'GitHub GitLab JavaScript TypeScript PostgreSQL MySQL MongoDB OpenTelemetry WebSocket WebSockets GraphQL RabbitMQ YouTube LinkedIn DigitalOcean Cloudflare CloudFlare OpenAI ChatGPT macOS iOS PayPal DevOps NoSQL JetBrains GoLand VSCode BigQuery DynamoDB ElasticSearch FreeBSD OpenBSD NetBSD WordPress MacBook iPhone SQLite gRPC ProtoBuf CockroachDB ClickHouse TiDB etcd HashiCorp'.split(
    ' ',
  ),
);

/** A Go identifier (`queue.Backend`, `(*Pool).Close`, `XAutoClaim`), not a flag, path or sentence. */
export const isGoIdentifier = (s: string) =>
  /^(?:\(\*?[A-Za-z_]\w*\)\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(s);

/**
 * A code span as the thing it names: `Watcher.Watch(ctx, key)` → `Watcher.Watch`,
 * `RetryPolicy{Max: 5}` → `RetryPolicy`, `MaxConns = 10` → `MaxConns`; flags,
 * paths and commands stay as written.
 */
function normalizeCode(raw: string): string {
  const id = raw.trim();
  if (/^(?:map|chan|func|struct|interface)\b/.test(id)) return id;
  const head =
    /^((?:\(\*?[A-Za-z_]\w*\)\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(?:\(|\{|\[|=|:=)/.exec(id);
  return head ? head[1]! : id.replace(/\(\)$/, '');
}

export function identifiersIn(prose: string, code: string[]): string[] {
  const found: string[] = [];
  for (const m of prose.matchAll(/`([^`\n]{2,48})`/g)) {
    const id = normalizeCode(m[1]!);
    if (id.split(/\s+/).length <= 4) found.push(id);
  }
  const bare = prose.replace(/`[^`\n]*`/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  // Go's qualified names (queue.Backend, http.Client.Do, Encoder.Encode) and methods ((*Pool).Close).
  for (const m of bare.matchAll(
    /\(\*?[A-Z]\w*\)\.[A-Z]\w*|\b[A-Za-z][A-Za-z0-9]*\.[A-Z]\w*(?:\.\w+)?\b/g,
  ))
    found.push(m[0]);
  // CamelCase with two humps or more (ConsumerGroup, XAutoClaim, TestServer_Shutdown), not brands.
  for (const m of bare.matchAll(
    /(?<![\w.])(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[a-z]+(?:[A-Z][a-z0-9]+)+)(?:_\w+)?(?![\w.])/g,
  ))
    if (!SKIP_CAMEL.has(m[0])) found.push(m[0]);
  // Commands and constants in capitals (XAUTOCLAIM, SIGTERM), not acronyms of prose.
  for (const m of bare.matchAll(/\b[A-Z][A-Z0-9_]{3,}\b/g))
    if (!SKIP_CAPS.has(m[0])) found.push(m[0]);
  const frame = firstFrame(code);
  if (frame) found.push(frame);
  return found.filter((id) => !/^v?\d/.test(id) && !SKIP_CAMEL.has(id));
}

/** The first frame of a Go stack trace in a module (not the runtime or the standard library). */
export function firstFrame(code: readonly string[]): string | undefined {
  for (const block of code) {
    for (const line of block.split('\n')) {
      const frame = /^\s*((?:[\w.-]+\/)+[\w.-]+\.(?:\(\*?\w+\)\.)?\w+)\(/.exec(line);
      if (frame) return frame[1]!.replace(/^.*\//, '').replace(/^[\w-]+\.(?=\(|[A-Z])/, '');
    }
  }
  return undefined;
}
