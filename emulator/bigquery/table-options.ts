import type { DuckDBConnection } from '@duckdb/node-api';
import type { OptionValues } from './option-lists';
import { schemaName, tableName, type TableRef } from './warehouse';

/**
 * A table's or view's expiration (its `expiration_timestamp` option, see option-lists.ts) is kept as its
 * DuckDB comment, `bq:expirationMs=<epoch ms>`, so it goes with the object: a CREATE OR REPLACE or an
 * OVERWRITE without the option makes one that never expires, as on BigQuery, where the statement's options
 * are the new object's.
 */
const marker = 'bq:expirationMs=';

/**
 * Records the options on a table or view just created or altered (on the connection that made it, inside
 * its transaction): an expiration is set, a NULL one cleared (ALTER ... SET OPTIONS), an absent one left.
 */
export async function applyTableOptions(
  connection: DuckDBConnection,
  ref: TableRef,
  options: OptionValues,
  kind: 'TABLE' | 'VIEW' = 'TABLE',
): Promise<void> {
  if (options.expirationMs === undefined) return;
  const comment = options.expirationMs === null ? 'NULL' : `'${marker}${options.expirationMs}'`;
  await connection.run(`COMMENT ON ${kind} ${tableName(ref)} IS ${comment}`);
}

/** Every table and view with an expiration: schema, name, comment and kind. */
const expiring = `SELECT schema_name, table_name, comment, 'TABLE' FROM duckdb_tables() WHERE starts_with(comment, '${marker}')
  UNION ALL SELECT schema_name, view_name, comment, 'VIEW' FROM duckdb_views() WHERE NOT internal AND starts_with(comment, '${marker}')`;

/** When the table or view expires (epoch ms), or undefined when it does not. */
export async function tableExpiration(
  connection: DuckDBConnection,
  ref: TableRef,
): Promise<number | undefined> {
  const reader = await connection.runAndReadAll(
    `SELECT comment FROM (${expiring}) WHERE schema_name = $schema AND table_name = $table`,
    { schema: schemaName(ref), table: ref.tableId },
  );
  const comment = reader.getRowsJson()[0]?.[0];
  return typeof comment === 'string' && comment.startsWith(marker)
    ? Number(comment.slice(marker.length))
    : undefined;
}

/**
 * Drops every table and view whose expiration is at or before `now` (epoch ms), then checkpoints so the file's
 * space is reused. Returns the tables dropped and the earliest expiration left (Infinity if none), before
 * which nothing needs looking at again. BigQuery deletes an expired table and reclaims its storage
 * (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#Table.FIELDS.expiration_time); the
 * emulator does it lazily, before each statement and each tables.get, so no one reads an expired table:
 * it is not found and not listed.
 */
export async function dropExpiredTables(
  connection: DuckDBConnection,
  now: number,
): Promise<{ dropped: TableRef[]; next: number }> {
  const reader = await connection.runAndReadAll(expiring);
  const dropped: TableRef[] = [];
  let next = Infinity;
  for (const [schema, table, comment, kind] of reader.getRowsJson() as string[][]) {
    const expiresAt = Number(comment.slice(marker.length));
    if (expiresAt > now) {
      next = Math.min(next, expiresAt);
      continue;
    }
    const [projectId, datasetId] = schema.split('__');
    const ref = { projectId, datasetId, tableId: table };
    await connection.run(`DROP ${kind} IF EXISTS ${tableName(ref)}`);
    dropped.push(ref);
  }
  if (dropped.length > 0) {
    try {
      await connection.run('CHECKPOINT');
    } catch {
      // A transaction open on another connection defers it to DuckDB's next automatic checkpoint.
    }
  }
  return { dropped, next };
}
