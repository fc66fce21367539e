import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Param, Row, Sql } from '../sql.ts';

/**
 * FIFO lock. A SQLite transaction holds the file's write lock across the
 * awaits inside it; anything else on that file from this process must wait
 * its turn, or busy_timeout would block the event loop the transaction needs.
 */
class Gate {
  #held = false;
  #waiting: Array<() => void> = [];
  get held() {
    return this.#held;
  }
  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
  release() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

// One gate per database file in this process (two stores on one DATA_DIR share it).
const gates = new Map<string, Gate>();

/** The Sql interface over node:sqlite: synchronous underneath, one statement cache per connection. */
export function sqliteSql(db: DatabaseSync, file: string): Sql {
  const gate = file === ':memory:' ? new Gate() : (gates.get(file) ?? new Gate());
  if (file !== ':memory:') gates.set(file, gate);
  const cache = new Map<string, StatementSync>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  const tx: Sql = {
    all: async <T extends Row>(sql: string, params: readonly Param[] = []) =>
      prepare(sql).all(...params) as T[],
    get: async <T extends Row>(sql: string, params: readonly Param[] = []) =>
      prepare(sql).get(...params) as T | undefined,
    run: async (sql, params = []) => ({ changes: Number(prepare(sql).run(...params).changes) }),
    transaction: (fn) => fn(tx),
  };
  // Outside a transaction a statement runs at once, unless one holds the file.
  const outside = async <T>(op: () => Promise<T>): Promise<T> => {
    if (!gate.held) return op();
    await gate.acquire();
    try {
      return await op();
    } finally {
      gate.release();
    }
  };
  return {
    all: (sql, params) => outside(() => tx.all(sql, params)),
    get: (sql, params) => outside(() => tx.get(sql, params)),
    run: (sql, params) => outside(() => tx.run(sql, params)),
    async transaction(fn) {
      await gate.acquire();
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          rollback(db);
          throw error;
        }
      } finally {
        gate.release();
      }
    },
  };
}

/**
 * Rolls back what is left of a failed transaction, keeping the first error.
 * After SQLITE_FULL (or an I/O error) SQLite may already have rolled back, and
 * a ROLLBACK then throws "no transaction is active", which would hide the
 * cause the operator needs to see.
 */
export function rollback(db: DatabaseSync): void {
  if (!db.isTransaction) return;
  try {
    db.exec('ROLLBACK');
  } catch {
    // The first error is the one thrown; a failed rollback leaves nothing to undo here.
  }
}
