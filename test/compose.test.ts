import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * compose.yaml as `docker compose up` reads it. No Docker engine runs in the
 * tests: the file is parsed (YAML merge keys as Compose resolves them) and
 * checked for what a newcomer's first `up` depends on.
 */
interface Service {
  image?: string;
  build?: string;
  restart?: string;
  profiles?: string[];
  env_file?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: unknown[];
}
const compose = parse(readFileSync(new URL('../compose.yaml', import.meta.url), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };
const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
const { db, gigops, 'gigops-replica': replica } = compose.services;

/** Compose's `${VAR:-default}` with VAR unset. */
const withDefaults = (s: string) => s.replace(/\$\{\w+:-([^}]*)\}/g, '$1');
const published = (s: Service | undefined) =>
  (s?.ports ?? []).map((p) => withDefaults(p).split(':').slice(0, 2).map(Number));

describe('compose.yaml', () => {
  it('starts one bot by default, reachable on localhost:3000; the replica is opt-in', () => {
    const byDefault = Object.entries(compose.services).filter(([, s]) => !s.profiles);
    expect(byDefault.map(([name]) => name).sort()).toEqual(['db', 'gigops']);
    expect(published(gigops)).toEqual([[3000, 3000]]);
    expect(gigops?.environment?.PORT).toBe('3000');
    expect(dockerfile).toMatch(/EXPOSE 3000/);
    expect(replica?.profiles).toEqual(['replicas']);
    expect(published(replica)).toEqual([[3001, 3000]]);
  });

  it('reads .env when it is there and starts without it', () => {
    for (const s of [gigops, replica]) {
      expect(s?.env_file).toEqual([{ path: '.env', required: false }]);
    }
  });

  it('mounts ./gigops.yml where the bot looks for it, and never makes a directory in its place', () => {
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m); // the default ./gigops.yml is /app/gigops.yml
    for (const s of [gigops, replica]) {
      expect(s?.volumes).toEqual([
        {
          type: 'bind',
          source: './gigops.yml',
          target: '/app/gigops.yml',
          read_only: true,
          bind: { create_host_path: false },
        },
      ]);
    }
  });

  it('restarts unless stopped, on PostgreSQL 17, with the database the bot is pointed at', () => {
    for (const s of [db, gigops, replica]) expect(s?.restart).toBe('unless-stopped');
    expect(db?.image).toBe('postgres:17');
    const env = db?.environment ?? {};
    const url = `postgres://${env.POSTGRES_USER}:${env.POSTGRES_PASSWORD}@db:5432/${env.POSTGRES_DB}`;
    for (const s of [gigops, replica]) {
      expect(s?.environment?.DATABASE_URL).toBe(url);
      expect(s?.build).toBe('.');
      expect(s?.image).toBe('gigops:local'); // built once, shared by both
    }
  });
});
