/**
 * The one SQL surface every repository is written against, so each query
 * exists once for both engines. Placeholders are `?`; the PostgreSQL side
 * numbers them. Rows come back as the driver gives them: row mappers coerce
 * (pg returns BIGINT and NUMERIC as strings).
 */
export type Param = string | number | null;
export type Row = Record<string, unknown>;

export interface Sql {
  all<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number }>;
  /** All or nothing; fn must use `tx`, not the outer Sql (which waits for the transaction). */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export const iso = (d: Date) => d.toISOString();
export const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : undefined);
export const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** `?, ?, ?` for an IN list of n values. */
export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Slices that keep bound-parameter lists well under SQLite's and PostgreSQL's limits. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
