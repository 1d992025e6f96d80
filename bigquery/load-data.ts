import { expirationOption } from './sql-strings';
import { checkColumnName, quotedPath, type TableRef } from './identifiers';
import { boolLiteral, int64Literal, stringLiteral } from './literals';
import { isPlaceholder, kindName, placeholderMatches, type Placeholder } from './placeholders';
import { SqlParts, type Sql } from './sql';
import type { TableField } from './tables';

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
  const parts = new SqlParts();
  const table = quotedPath(parts, options.table, 'loadData.table');
  if (options.mode !== 'OVERWRITE' && options.mode !== 'INTO') {
    throw new Error(`loadData.mode: expected OVERWRITE or INTO, got ${JSON.stringify(options.mode)}`);
  }
  if (options.columns.length === 0) throw new Error('loadData.columns: at least one column is required');
  const columns = options.columns.map(
    (c, i) =>
      `${checkColumnName(c.name, `loadData.columns[${i}].name`)} ${c.type}${c.mode === 'REQUIRED' ? ' NOT NULL' : ''}`,
  );
  if (options.uris.length === 0) throw new Error('loadData.uris: at least one gs:// URI is required');
  const uris = options.uris.map((uri, i) => {
    const field = `loadData.uris[${i}]`;
    if (isPlaceholder(uri)) {
      if (uri.kind !== 'gcsUri')
        throw new Error(`${field}: placeholder {{${uri.name}}} is a ${kindName(uri.kind)}, expected gcsUri`);
      return `'${parts.placeholder(uri)}'`;
    }
    if (!placeholderMatches('gcsUri', uri)) {
      throw new Error(
        `${field}: ${JSON.stringify(uri)} is not a gs://bucket/path URI with at most one * wildcard`,
      );
    }
    return stringLiteral(uri, field);
  });
  const fileOptions = [`format = 'NEWLINE_DELIMITED_JSON'`, `uris = [${uris.join(', ')}]`];
  if (options.ignoreUnknownValues !== undefined) {
    fileOptions.push(
      `ignore_unknown_values = ${boolLiteral(options.ignoreUnknownValues, 'loadData.ignoreUnknownValues')}`,
    );
  }
  if (options.maxBadRecords !== undefined) {
    if (!Number.isSafeInteger(options.maxBadRecords) || options.maxBadRecords < 0) {
      throw new Error(`loadData.maxBadRecords: ${options.maxBadRecords} is not an integer >= 0`);
    }
    fileOptions.push(`max_bad_records = ${int64Literal(options.maxBadRecords, 'loadData.maxBadRecords')}`);
  }
  if (options.compression !== undefined) {
    if (options.compression !== 'GZIP') throw new Error(`loadData.compression: only GZIP is supported`);
    fileOptions.push(`compression = 'GZIP'`);
  }
  const tableOptions =
    options.expirationHours === undefined
      ? ''
      : `\nOPTIONS(${expirationOption(options.expirationHours, 'loadData.expirationHours')})`;
  return parts.finish(
    `LOAD DATA ${options.mode} ${table} (${columns.join(', ')})${tableOptions}\nFROM FILES(\n  ${fileOptions.join(',\n  ')}\n)`,
  );
}
