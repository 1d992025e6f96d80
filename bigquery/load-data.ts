import type { TableRef } from './identifiers';
import { isPlaceholder, kindName, placeholderMatches, type Placeholder } from './placeholders';
import type { Sql } from './sql';
import { boolLit, int64Lit, join, paths, sql, stringLit, toSql, type SqlFragment } from './sql-template';
import { expirationOption } from './table-expiration';
import { columnDefinition, type TableField } from './tables';

export interface LoadDataOptions {
  /** OVERWRITE replaces the table's rows, INTO appends; either creates a missing table. */
  mode: 'OVERWRITE' | 'INTO';
  table: TableRef;
  /** Explicit schema, so nothing depends on auto-detection. */
  columns: readonly Pick<TableField, 'name' | 'type' | 'mode'>[];
  /** `gs://bucket/path` URIs, each with at most one `*` after the bucket. */
  uris: readonly (string | Placeholder)[];
  /** Skip JSON keys that are not in the column list instead of failing the load. */
  ignoreUnknownValues?: boolean;
  maxBadRecords?: number;
  compression?: 'GZIP';
  /** Hours until the table expires (`OPTIONS(expiration_timestamp = ...)`, see expirationOption). */
  expirationHours?: number;
}

/**
 * `LOAD DATA {OVERWRITE|INTO} table (columns) [OPTIONS(expiration_timestamp = ...)] FROM FILES(format=
 * 'NEWLINE_DELIMITED_JSON', uris=[...], ...)`: the table options come before FROM FILES
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/load-statements).
 */
export function loadData(options: LoadDataOptions): Sql {
  const f = 'loadData';
  const table = paths(f, { table: options.table }).table;
  if (options.mode !== 'OVERWRITE' && options.mode !== 'INTO') {
    throw new Error(`${f}.mode: expected OVERWRITE or INTO, got ${JSON.stringify(options.mode)}`);
  }
  const mode = options.mode === 'OVERWRITE' ? sql`OVERWRITE` : sql`INTO`;
  if (options.columns.length === 0) throw new Error(`${f}.columns: at least one column is required`);
  const columns = options.columns.map((c, i) => columnDefinition(c, f, `columns[${i}]`));
  if (options.uris.length === 0) throw new Error(`${f}.uris: at least one gs:// URI is required`);
  const uris = options.uris.map((uri, i) => {
    const field = `${f}.uris[${i}]`;
    if (isPlaceholder(uri)) {
      if (uri.kind !== 'gcsUri')
        throw new Error(`${field}: placeholder {{${uri.name}}} is a ${kindName(uri.kind)}, expected gcsUri`);
      return sql`'${uri}'`;
    }
    if (!placeholderMatches('gcsUri', uri)) {
      throw new Error(
        `${field}: ${JSON.stringify(uri)} is not a gs://bucket/path URI with at most one * wildcard`,
      );
    }
    return stringLit(uri, field);
  });
  const fileOptions: SqlFragment[] = [
    sql`format = 'NEWLINE_DELIMITED_JSON'`,
    sql`uris = [${join(uris, sql`, `)}]`,
  ];
  if (options.ignoreUnknownValues !== undefined) {
    fileOptions.push(
      sql`ignore_unknown_values = ${boolLit(options.ignoreUnknownValues, `${f}.ignoreUnknownValues`)}`,
    );
  }
  if (options.maxBadRecords !== undefined) {
    if (!Number.isSafeInteger(options.maxBadRecords) || options.maxBadRecords < 0) {
      throw new Error(`${f}.maxBadRecords: ${options.maxBadRecords} is not an integer >= 0`);
    }
    fileOptions.push(sql`max_bad_records = ${int64Lit(options.maxBadRecords, `${f}.maxBadRecords`)}`);
  }
  if (options.compression !== undefined) {
    if (options.compression !== 'GZIP') throw new Error(`${f}.compression: only GZIP is supported`);
    fileOptions.push(sql`compression = 'GZIP'`);
  }
  const tableOptions =
    options.expirationHours === undefined
      ? sql``
      : sql`\nOPTIONS(${expirationOption(options.expirationHours, `${f}.expirationHours`)})`;
  return toSql(
    sql`LOAD DATA ${mode} ${table} (${join(columns, sql`, `)})${tableOptions}\nFROM FILES(\n  ${join(fileOptions, sql`,\n  `)}\n)`,
    [...table.placeholders, ...uris.flatMap((u) => u.placeholders)],
  );
}
