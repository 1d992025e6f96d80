import { checkColumnName, quotedPath, type TableRef } from './identifiers';
import { SqlParts, type Sql } from './sql';

/**
 * Content hash of a table's rows over the given STRING columns, independent of row order:
 *   cell  = 'n' for NULL, else 'v' + hex(SHA-256(value))   (so NULL, '' and separators cannot collide)
 *   row   = hex(SHA-256(cells joined by '|'))
 *   table = hex(SHA-256(row count + ':' + sorted row hashes joined by ','))
 * Duplicate rows count (they change the count and the list). Returns one row: `fingerprint`, `num_rows`.
 */
export function fingerprintQuery(table: TableRef, columns: readonly string[]): Sql {
  const f = 'fingerprintQuery';
  const parts = new SqlParts();
  if (columns.length === 0) throw new Error(`${f}.columns: at least one column is required`);
  const cells = columns.map((c, i) => {
    const col = `\`${checkColumnName(c, `${f}.columns[${i}]`)}\``;
    return `CASE WHEN ${col} IS NULL THEN 'n' ELSE CONCAT('v', TO_HEX(SHA256(${col}))) END`;
  });
  const path = quotedPath(parts, table, `${f}.table`);
  return parts.finish(
    [
      `SELECT`,
      `  TO_HEX(SHA256(CONCAT(CAST(COUNT(*) AS STRING), ':', COALESCE(STRING_AGG(row_hash, ',' ORDER BY row_hash), '')))) AS fingerprint,`,
      `  COUNT(*) AS num_rows`,
      `FROM (`,
      `  SELECT TO_HEX(SHA256(CONCAT(${cells.join(", '|', ")}))) AS row_hash`,
      `  FROM ${path}`,
      `) AS rows_hashed`,
    ].join('\n'),
  );
}
