import type { DuckDBConnection, DuckDBTimestampTZValue } from '@duckdb/node-api';
import { invalidQuery } from './errors';
import { functions } from './functions';
import { isOp, isWord, location, matchingClose, splitTopLevel, type Token } from './tokenizer';
import { quoteIdent } from './translate';
import type { BoundValue } from './values';
import { schemaName, type TableRef, type Warehouse } from './warehouse';

/**
 * A table's `OPTIONS(name = value, ...)` (`table_option_list`) in CREATE TABLE and LOAD DATA, read as the
 * DDL page gives it
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#table_option_list):
 * each NAME from its table, at most once, with a VALUE of that NAME's type that is a constant expression of
 * literals, query parameters and scalar functions; a VALUE that is NULL leaves the option unset. Only
 * `expiration_timestamp` changes what the emulator does (expiringTables below); the others are checked and
 * then not kept.
 */
const ddlPage =
  'https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#table_option_list';

/** Each documented option and its GoogleSQL type. */
export const tableOptionTypes = {
  expiration_timestamp: 'TIMESTAMP',
  partition_expiration_days: 'FLOAT64',
  require_partition_filter: 'BOOL',
  kms_key_name: 'STRING',
  friendly_name: 'STRING',
  description: 'STRING',
  labels: 'ARRAY<STRUCT<STRING, STRING>>',
  default_rounding_mode: 'STRING',
  enable_change_history: 'BOOL',
  max_staleness: 'INTERVAL',
  enable_fine_grained_mutations: 'BOOL',
  storage_uri: 'STRING',
  file_format: 'STRING',
  table_format: 'STRING',
  tags: 'ARRAY<STRUCT<STRING, STRING>>',
} as const;

type OptionType = (typeof tableOptionTypes)[keyof typeof tableOptionTypes];

/**
 * Whether a DuckDB result type holds a value of the option's type. An INT64 value is taken for FLOAT64
 * (the page's own example is `partition_expiration_days=7`); nothing else is coerced, a STRING included
 * where a TIMESTAMP is due (the stricter reading: the page shows a TIMESTAMP literal).
 */
const holds: Record<OptionType, (duckType: string) => boolean> = {
  TIMESTAMP: (t) => t === 'TIMESTAMP WITH TIME ZONE',
  FLOAT64: (t) => t === 'DOUBLE' || t === 'BIGINT' || t === 'INTEGER',
  BOOL: (t) => t === 'BOOLEAN',
  STRING: (t) => t === 'VARCHAR',
  INTERVAL: (t) => t === 'INTERVAL',
  'ARRAY<STRUCT<STRING, STRING>>': (t) =>
    /^STRUCT\((?:"[^"]*"|\w+) VARCHAR, (?:"[^"]*"|\w+) VARCHAR\)\[\]$/.test(t),
};

/** Scalar functions the page excludes from an option's VALUE. */
const excludedFunctions = new Set([
  'ARRAY_TO_STRING',
  'REPLACE',
  'REGEXP_REPLACE',
  'RAND',
  'FORMAT',
  'LPAD',
  'RPAD',
  'REPEAT',
  'SESSION_USER',
  'GENERATE_ARRAY',
  'GENERATE_DATE_ARRAY',
]);

export interface TableOptions {
  /** When the table expires, in epoch milliseconds; absent when the option is not set (or NULL). */
  expirationMs?: number;
}

/** Where `OPTIONS (` opens in a CREATE TABLE head (before `AS`, outside parentheses), or -1. */
export function tableOptionsAt(tokens: Token[]): number {
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (isOp(t, '(')) depth++;
    else if (isOp(t, ')')) depth--;
    else if (depth === 0 && isWord(t, 'AS')) return -1;
    else if (depth === 0 && isWord(t, 'OPTIONS') && isOp(tokens[k + 1], '(')) return k + 1;
  }
  return -1;
}

/** Throws the page's restrictions on a VALUE: no table, subquery, statement, aggregate, window or excluded function. */
function checkConstant(name: string, value: Token[]): void {
  for (let i = 0; i < value.length; i++) {
    const t = value[i];
    const where = `in the value of table option ${name} at ${location(t)}`;
    if (isWord(t, 'SELECT', 'FROM', 'WITH', 'CREATE', 'UPDATE', 'INSERT', 'DELETE', 'MERGE'))
      throw invalidQuery(`A constant expression is required: ${t.text} ${where} (${ddlPage})`);
    if (isWord(t, 'OVER')) throw invalidQuery(`Analytic functions are not allowed ${where}`);
    if (t.kind !== 'ident' || !isOp(value[i + 1], '(')) continue;
    const word = t.value.toUpperCase();
    if (excludedFunctions.has(word)) throw invalidQuery(`Function ${word} is not allowed ${where}`);
    if (functions[word]?.page.includes('aggregate'))
      throw invalidQuery(`Aggregate function ${word} is not allowed ${where}`);
  }
}

/**
 * Reads and evaluates `OPTIONS(...)` whose `(` is `tokens[open]`, running each VALUE in DuckDB with the
 * statement's query parameters. `now` (epoch ms) is the emulator's clock: an expiration at or before it is
 * refused, the stricter reading where the page is silent (BigQuery would create a table that is gone at
 * once). Errors are `invalidQuery` naming the option and its place, as BigQuery's errors name them.
 */
export async function readTableOptions(
  tokens: Token[],
  open: number,
  warehouse: Warehouse,
  params: Map<string, BoundValue>,
  positional: BoundValue[],
  now: number,
): Promise<TableOptions> {
  const close = matchingClose(tokens, open);
  const seen = new Set<string>();
  const options: TableOptions = {};
  for (const [start, end] of splitTopLevel(tokens, open + 1, close)) {
    const nameToken = tokens[start];
    if (!nameToken || nameToken.kind !== 'ident' || !isOp(tokens[start + 1], '=') || end <= start + 2) {
      throw invalidQuery(
        `Syntax error: Expected NAME = VALUE in OPTIONS at ${location(nameToken ?? tokens[open])}`,
      );
    }
    const name = nameToken.value.toLowerCase();
    if (!(name in tableOptionTypes))
      throw invalidQuery(
        `Invalid table option name: ${nameToken.value} at ${location(nameToken)} (${ddlPage})`,
      );
    if (seen.has(name)) throw invalidQuery(`Duplicate option ${name} at ${location(nameToken)}`);
    seen.add(name);
    const value = tokens.slice(start + 2, end);
    checkConstant(name, value);
    const translation = warehouse.translate(value);
    const reader = await warehouse.run(
      { ...translation, sql: `SELECT (${translation.sql}) AS v` },
      params,
      positional,
    );
    const type = tableOptionTypes[name as keyof typeof tableOptionTypes];
    const cell = reader.getRows()[0][0];
    if (cell === null) continue;
    const duckType = reader.columnTypes()[0].toString();
    if (!holds[type](duckType)) {
      throw invalidQuery(
        `Table option ${name} must be ${type} at ${location(nameToken)}, not ${duckType} (${ddlPage})`,
      );
    }
    if (name === 'expiration_timestamp') {
      const ms = Number((cell as DuckDBTimestampTZValue).micros / 1000n);
      if (ms <= now) {
        throw invalidQuery(
          `Table option expiration_timestamp at ${location(nameToken)} is not in the future: ${new Date(ms).toISOString()}`,
        );
      }
      options.expirationMs = ms;
    }
  }
  return options;
}

/**
 * A table's expiration is kept as its DuckDB comment, `bq:expirationMs=<epoch ms>`, so it goes with the
 * table: a CREATE OR REPLACE or an OVERWRITE without the option makes a table that never expires, as on
 * BigQuery, where the statement's options are the new table's.
 */
const marker = 'bq:expirationMs=';

const tableSql = (ref: TableRef) => `${quoteIdent(schemaName(ref))}.${quoteIdent(ref.tableId)}`;

/** Records the options on a table just created (on the connection that created it, inside its transaction). */
export async function applyTableOptions(
  connection: DuckDBConnection,
  ref: TableRef,
  options: TableOptions,
): Promise<void> {
  if (options.expirationMs === undefined) return;
  await connection.run(`COMMENT ON TABLE ${tableSql(ref)} IS '${marker}${options.expirationMs}'`);
}

/** When the table expires (epoch ms), or undefined when it does not. */
export async function tableExpiration(
  connection: DuckDBConnection,
  ref: TableRef,
): Promise<number | undefined> {
  const reader = await connection.runAndReadAll(
    'SELECT comment FROM duckdb_tables() WHERE schema_name = $schema AND table_name = $table',
    { schema: schemaName(ref), table: ref.tableId },
  );
  const comment = reader.getRowsJson()[0]?.[0];
  return typeof comment === 'string' && comment.startsWith(marker)
    ? Number(comment.slice(marker.length))
    : undefined;
}

/**
 * Drops every table whose expiration is at or before `now` (epoch ms), then checkpoints so the file's
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
  const reader = await connection.runAndReadAll(
    `SELECT schema_name, table_name, comment FROM duckdb_tables() WHERE starts_with(comment, '${marker}')`,
  );
  const dropped: TableRef[] = [];
  let next = Infinity;
  for (const [schema, table, comment] of reader.getRowsJson() as string[][]) {
    const expiresAt = Number(comment.slice(marker.length));
    if (expiresAt > now) {
      next = Math.min(next, expiresAt);
      continue;
    }
    const [projectId, datasetId] = schema.split('__');
    const ref = { projectId, datasetId, tableId: table };
    await connection.run(`DROP TABLE IF EXISTS ${tableSql(ref)}`);
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
