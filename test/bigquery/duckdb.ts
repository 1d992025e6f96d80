import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Sql } from '../../bigquery';

/**
 * Runs builder SQL on DuckDB after the few textual changes the dialects force, and nothing else:
 * - a backticked path becomes its last segment in double quotes (tables live in DuckDB's default schema);
 * - BigQuery's REGEXP_REPLACE replaces every match, DuckDB's only the first unless given 'g';
 * - DuckDB's SHA256 already returns hex, so TO_HEX(SHA256(x)) becomes (SHA256(x));
 * - named parameters are `$name` instead of `@name`.
 */
export function toDuckDb(sql: Sql): { text: string; values: Record<string, string> } {
  const text = sql.text
    .replace(/`([^`]*)`/g, (_m, path: string) => `"${path.split('.').pop()}"`)
    .replace(/REGEXP_REPLACE\(/g, 'bq_regexp_replace(')
    .replace(/TO_HEX\(SHA256\(/g, '(SHA256(')
    .replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, '$$$1');
  const values: Record<string, string> = {};
  for (const p of sql.params) {
    if (!('value' in p.parameterValue))
      throw new Error(`array parameter ${p.name} is not used in these tests`);
    values[p.name] = p.parameterValue.value;
  }
  return { text, values };
}

export async function openDuckDb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE MACRO bq_regexp_replace(s, p, r) AS regexp_replace(s, p, r, 'g')`);
  return connection;
}

export async function runSql(connection: DuckDBConnection, sql: Sql): Promise<Record<string, unknown>[]> {
  const { text, values } = toDuckDb(sql);
  const reader =
    Object.keys(values).length === 0
      ? await connection.runAndReadAll(text)
      : await connection.runAndReadAll(text, values);
  return reader.getRowObjects() as Record<string, unknown>[];
}
