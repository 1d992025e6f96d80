/**
 * BigQuery's DML concurrency rules, which DuckDB's single shared connection would otherwise hide.
 *
 * - https://cloud.google.com/bigquery/docs/data-manipulation-language ("Concurrent jobs", "DML statement
 *   conflicts"): INSERT statements never conflict with other DML; UPDATE, DELETE and MERGE are mutating
 *   statements, and mutating statements that run concurrently on one table conflict.
 * - https://cloud.google.com/bigquery/docs/transactions ("Transaction concurrency"): a transaction reads a
 *   consistent snapshot taken when it begins; if a transaction mutates rows of a table, other transactions
 *   or DML statements that mutate the same table cannot run concurrently: a conflicting transaction is
 *   cancelled, and a conflicting DML statement outside a transaction is queued until the transaction ends.
 *
 * Readings where the pages leave room (listed in emulator/README.md): a conflict is per table, not per
 * partition or row; any MERGE counts as mutating, even one that only inserts; the transaction that mutates a
 * table second is the one cancelled, and so is a transaction that mutates a table another job mutated after
 * it began (its snapshot is stale, first committer wins).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { Cursor } from './cursor';
import { BigQueryError } from './errors';
import { isWord, type Token } from './tokenizer';
import { displayTable, type Warehouse } from './warehouse';

/** The statement types the pages call mutating (TRUNCATE TABLE deletes every row, so it counts too). */
export const mutatingTypes: ReadonlySet<string> = new Set(['UPDATE', 'DELETE', 'MERGE', 'TRUNCATE_TABLE']);

/** The DML statement types a transaction may hold (the page's "Statements supported in transactions"). */
export const transactionalTypes: ReadonlySet<string> = new Set(['SELECT', 'INSERT', ...mutatingTypes]);

export type TransactionControl = 'BEGIN' | 'COMMIT' | 'ROLLBACK';

/** `BEGIN [TRANSACTION]`, `COMMIT [TRANSACTION]`, `ROLLBACK [TRANSACTION]`, or undefined for any other statement. */
export function transactionControl(tokens: Token[]): TransactionControl | undefined {
  const [first, second] = tokens;
  const rest = tokens.length === 1 || (tokens.length === 2 && isWord(second, 'TRANSACTION'));
  if (!rest) return undefined;
  if (isWord(first, 'BEGIN')) return 'BEGIN';
  if (isWord(first, 'COMMIT')) return 'COMMIT';
  if (isWord(first, 'ROLLBACK')) return 'ROLLBACK';
  return undefined;
}

/** The table a DML statement writes: `INSERT [INTO] t`, `UPDATE t`, `DELETE [FROM] t`, `MERGE [INTO] t`, `TRUNCATE TABLE t`. */
export function dmlTarget(tokens: Token[], warehouse: Warehouse): string {
  const c = new Cursor(tokens);
  const verb = c.peek()!.value.toUpperCase();
  c.index++;
  if (verb === 'INSERT' || verb === 'MERGE') c.acceptWord('INTO');
  else if (verb === 'DELETE') c.acceptWord('FROM');
  else if (verb === 'TRUNCATE') c.expectWord('TABLE');
  const { parts, at } = c.path('a table name');
  return displayTable(warehouse.tableRef(parts, at));
}

/** BigQuery's answer to a transaction that lost a conflict; the pipeline's retry predicate matches its text. */
export function concurrentUpdate(table: string): BigQueryError {
  return new BigQueryError(
    'invalidQuery',
    `Transaction is aborted due to concurrent update against table ${table}.`,
  );
}

export interface OpenTransaction {
  connection: DuckDBConnection;
  /** Commit sequence number when the snapshot was taken. */
  snapshot: number;
  /** Tables this transaction mutated, `project:dataset.table`. */
  mutated: Set<string>;
  /** Settles when the transaction commits or rolls back. */
  ended: Promise<void>;
  end(): void;
}

/** Who holds which table, and when each table was last mutated by a committed job. */
export class ConcurrencyControl {
  private sequence = 0;
  private readonly lastMutation = new Map<string, number>();
  private readonly holders = new Map<string, OpenTransaction>();

  constructor(private readonly warehouse: Warehouse) {}

  /** Opens a transaction on its own connection and pins its snapshot (DuckDB takes it at first access). */
  async begin(): Promise<OpenTransaction> {
    const connection = await this.warehouse.connect();
    await connection.run('BEGIN TRANSACTION');
    await connection.run('SELECT count(*) FROM duckdb_tables()');
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    return { connection, snapshot: this.sequence, mutated: new Set(), ended, end };
  }

  /**
   * Before a transaction's mutating statement on `table`: cancels it if another job got there first.
   * @throws BigQueryError `invalidQuery` (`Transaction is aborted due to concurrent update ...`).
   */
  claim(tx: OpenTransaction, table: string): void {
    const holder = this.holders.get(table);
    if ((holder && holder !== tx) || (this.lastMutation.get(table) ?? -1) > tx.snapshot) {
      throw concurrentUpdate(table);
    }
    this.holders.set(table, tx);
    tx.mutated.add(table);
  }

  /** A mutating statement outside a transaction waits (queued) while an open transaction holds its table. */
  async waitFor(table: string): Promise<void> {
    for (let holder = this.holders.get(table); holder; holder = this.holders.get(table)) await holder.ended;
  }

  /** Whether an open transaction has mutated `table` (so a conflicting statement must wait or fail). */
  held(table: string): boolean {
    return this.holders.has(table);
  }

  /** Records a committed mutation of `table` by a statement outside a transaction. */
  mutated(table: string): void {
    this.lastMutation.set(table, ++this.sequence);
  }

  /**
   * Commits the transaction and releases its tables.
   * @throws BigQueryError the concurrent-update error after rolling back when DuckDB refuses the commit.
   */
  async commit(tx: OpenTransaction): Promise<void> {
    try {
      await tx.connection.run('COMMIT');
    } catch {
      // DuckDB's own write-write check; the table rule above normally fires first.
      await this.rollback(tx);
      throw concurrentUpdate([...tx.mutated].join(', '));
    }
    const at = ++this.sequence;
    for (const table of tx.mutated) this.lastMutation.set(table, at);
    this.release(tx);
  }

  /** Rolls the transaction back (a no-op if DuckDB already has) and releases its tables. */
  async rollback(tx: OpenTransaction): Promise<void> {
    try {
      await tx.connection.run('ROLLBACK');
    } catch {
      // Already rolled back by DuckDB after a failed statement.
    }
    this.release(tx);
  }

  private release(tx: OpenTransaction): void {
    for (const table of tx.mutated) if (this.holders.get(table) === tx) this.holders.delete(table);
    tx.connection.closeSync();
    tx.end();
  }
}
