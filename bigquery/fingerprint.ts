import type { TableRef } from './identifiers';
import type { Sql } from './sql';
import { join, paths, quotedColumns, sql, toSql } from './sql-template';

/**
 * Content hash of a table's rows over the given STRING columns, independent of row order:
 *   cell  = 'n' for NULL, else 'v' + hex(SHA-256(value))   (so NULL, '' and separators cannot collide)
 *   row   = hex(SHA-256(cells joined by '|'))
 *   table = hex(SHA-256(row count + ':' + sorted row hashes joined by ','))
 * Duplicate rows count (they change the count and the list). Returns one row: `fingerprint`, `num_rows`.
 */
export function fingerprintQuery(table: TableRef, columns: readonly string[]): Sql {
  const f = 'fingerprintQuery';
  if (columns.length === 0) throw new Error(`${f}.columns: at least one column is required`);
  const cells = quotedColumns(f, 'columns', columns).map(
    (col) => sql`CASE WHEN ${col} IS NULL THEN 'n' ELSE CONCAT('v', TO_HEX(SHA256(${col}))) END`,
  );
  const p = paths(f, { table });
  return toSql(sql`SELECT
  TO_HEX(SHA256(CONCAT(CAST(COUNT(*) AS STRING), ':', COALESCE(STRING_AGG(row_hash, ',' ORDER BY row_hash), '')))) AS fingerprint,
  COUNT(*) AS num_rows
FROM (
  SELECT TO_HEX(SHA256(CONCAT(${join(cells, sql`, '|', `)}))) AS row_hash
  FROM ${p.table}
) AS rows_hashed`);
}
