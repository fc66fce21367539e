import type pg from 'pg';
import type { Param, Row, Sql } from '../sql.ts';

const numbered = new Map<string, string>();

/** `?` → `$1, $2, …`, leaving quoted literals and identifiers alone. */
export function numberPlaceholders(sql: string): string {
  let out = numbered.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  out = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (m) => (m === '?' ? `$${++n}` : m));
  numbered.set(sql, out);
  return out;
}

function over(client: pg.Pool | pg.PoolClient, transaction: Sql['transaction']): Sql {
  const query = async <T extends Row>(sql: string, params: readonly Param[] = []) =>
    client.query<T>(numberPlaceholders(sql), params as Param[]);
  return {
    all: async <T extends Row>(sql: string, params?: readonly Param[]) =>
      (await query<T>(sql, params)).rows,
    get: async <T extends Row>(sql: string, params?: readonly Param[]) =>
      (await query<T>(sql, params)).rows[0],
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    transaction,
  };
}

/** The Sql interface over a pg pool; a transaction holds one pooled client from BEGIN to COMMIT. */
export function postgresSql(pool: pg.Pool): Sql {
  return over(pool, async (fn) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const tx: Sql = over(client, (inner) => inner(tx));
      try {
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    } finally {
      client.release();
    }
  });
}
