/**
 * `LOAD DATA {OVERWRITE|INTO} table [(columns)] FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=[...])`,
 * reading `gs://bucket/object` from a local folder laid out as `<gcsDir>/bucket/object`. The whole input is
 * read and checked before the table is touched, so a failed load leaves the table unchanged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { BigQueryError, invalidQuery } from './errors';
import type { Cursor, OptionValue } from './cursor';
import type { OptionValues } from './option-lists';
import { applyTableOptions } from './table-options';
import { isOp, isWord, matchingClose } from './tokenizer';
import { quoteIdent, translate } from './translate';
import { displayTable, tableName, type TableRef, type Warehouse } from './warehouse';

/**
 * A parsed LOAD DATA: the target, OVERWRITE or INTO, TEMP, the column list when one is given (absent: the
 * table's own columns) and the FROM FILES options by lower-cased name.
 */
export interface LoadDataStatement {
  table: TableRef;
  overwrite: boolean;
  temp: boolean;
  columns?: { name: string; type: string; notNull?: boolean }[];
  files: Map<string, OptionValue>;
  /** Index of the `(` of the table's OPTIONS (table_option_list), or -1 without one. */
  optionsAt: number;
}

/**
 * Parses a LOAD DATA statement from the cursor (positioned after `LOAD DATA`), its table path resolved in
 * the warehouse's default project. https://cloud.google.com/bigquery/docs/reference/standard-sql/load-statements
 * @throws BigQueryError `invalidQuery` for a syntax error, naming what was expected and where.
 */
export function parseLoadData(cursor: Cursor, warehouse: Warehouse): LoadDataStatement {
  let overwrite: boolean;
  if (cursor.acceptWord('OVERWRITE')) overwrite = true;
  else if (cursor.acceptWord('INTO')) overwrite = false;
  else throw invalidQuery(`Syntax error: Expected OVERWRITE or INTO but got ${cursor.describe()}`);
  const temp = cursor.acceptWord('TEMP', 'TEMPORARY');
  if (temp) cursor.expectWord('TABLE');
  const { parts, at } = cursor.path('a table name');
  const table = warehouse.tableRef(parts, at);
  let columns: { name: string; type: string; notNull?: boolean }[] | undefined;
  if (isOp(cursor.peek(), '(')) {
    const start = cursor.index;
    cursor.expectOp('(');
    columns = [];
    while (!cursor.acceptOp(')')) {
      const name = cursor.peek();
      if (!name || (name.kind !== 'ident' && name.kind !== 'quoted'))
        throw invalidQuery(`Syntax error: Expected a column name but got ${cursor.describe()}`);
      cursor.index++;
      const typeStart = cursor.index;
      let depth = 0;
      while (!cursor.atEnd() && !(depth === 0 && (isOp(cursor.peek(), ',') || isOp(cursor.peek(), ')')))) {
        if (isOp(cursor.peek(), '<') || isOp(cursor.peek(), '(')) depth++;
        if (isOp(cursor.peek(), '>') || (isOp(cursor.peek(), ')') && depth > 0)) depth--;
        cursor.index++;
      }
      const typeTokens = cursor.tokens.slice(typeStart, cursor.index);
      const notNull =
        typeTokens.length > 2 &&
        isWord(typeTokens[typeTokens.length - 2], 'NOT') &&
        isWord(typeTokens[typeTokens.length - 1], 'NULL');
      if (notNull) typeTokens.splice(-2);
      if (typeTokens.length === 0) throw invalidQuery(`Column ${name.value} needs a type`);
      columns.push({ name: name.value, type: translate(typeTokens, () => '').sql, notNull });
      cursor.acceptOp(',');
    }
    if (columns.length === 0)
      throw invalidQuery(`Empty column list at ${cursor.tokens[start].line}:${cursor.tokens[start].column}`);
  }
  let optionsAt = -1;
  for (;;) {
    if (isWord(cursor.peek(), 'OPTIONS') && isOp(cursor.peek(1), '(')) {
      optionsAt = cursor.index + 1;
      cursor.index = matchingClose(cursor.tokens, optionsAt) + 1;
      continue;
    }
    if (!cursor.acceptWord('PARTITION', 'CLUSTER')) break;
    while (
      !cursor.atEnd() &&
      !(
        cursor.peek()?.kind === 'ident' &&
        ['FROM', 'CLUSTER', 'OPTIONS'].includes(cursor.peek()!.value.toUpperCase())
      )
    ) {
      cursor.index++;
    }
  }
  cursor.expectWord('FROM');
  cursor.expectWord('FILES');
  const files = cursor.options();
  if (!cursor.atEnd())
    throw invalidQuery(
      `LOAD DATA: ${cursor.describe()} is not emulated (WITH PARTITION COLUMNS / WITH CONNECTION)`,
    );
  return { table, overwrite, temp, columns, files, optionsAt };
}

function globToRegExp(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), rel) : [rel];
  });
}

/** Throws unless `file`, symlinks resolved, is inside `dir` (itself resolved). */
function confine(file: string, dir: string, uri: string): string {
  const real = fs.realpathSync(file);
  const relative = path.relative(fs.realpathSync(dir), real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw invalidQuery(`Invalid URI ${uri}: it resolves outside the bucket`);
  }
  return real;
}

/**
 * Local files for one `gs://` URI (at most one `*`, after the bucket name), only ever inside
 * `<gcsDir>/<bucket>/`. Object names that are `.` or `..` are invalid in Cloud Storage
 * (https://cloud.google.com/storage/docs/objects#naming); the stricter local reading refuses such a
 * segment anywhere in the name, empty segments and backslashes too, and a symlink leading out of the
 * bucket, so no URI reaches a file outside the state folder.
 */
export function resolveUri(uri: string, gcsDir: string): { uri: string; file: string }[] {
  const m = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,221}[a-z0-9])\/(.+)$/.exec(uri);
  if (!m) throw invalidQuery(`Invalid URI ${uri}: expected gs://bucket/object`);
  const [, bucket, object] = m;
  const segments = object.split('/');
  if (
    bucket.includes('..') ||
    object.includes('\\') ||
    segments.some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw invalidQuery(
      `Invalid URI ${uri}: object names with empty, "." or ".." segments are not read locally`,
    );
  }
  if ((object.match(/\*/g) ?? []).length > 1) throw invalidQuery(`URI ${uri} has more than one wildcard`);
  const bucketDir = path.join(gcsDir, bucket);
  if (!object.includes('*')) {
    const file = path.join(bucketDir, ...segments);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile())
      throw new BigQueryError('notFound', `Not found: URI ${uri}`);
    return [{ uri, file: confine(file, bucketDir, uri) }];
  }
  const pattern = globToRegExp(object);
  const matches = listFiles(bucketDir)
    .filter((rel) => pattern.test(rel))
    .sort();
  if (matches.length === 0) throw new BigQueryError('notFound', `Not found: URI ${uri}`);
  return matches.map((rel) => ({
    uri: `gs://${bucket}/${rel}`,
    file: confine(path.join(bucketDir, ...rel.split('/')), bucketDir, uri),
  }));
}

function inferType(value: unknown): string {
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'BIGINT' : 'DOUBLE';
  if (value !== null && typeof value === 'object') return 'JSON';
  return 'VARCHAR';
}

/**
 * Why a JSON value cannot go into a column, in BigQuery's words where they are known: an array into a field
 * that is not repeated ("Array specified for non-repeated field"), an object into one that is not a record or
 * JSON, a missing value in a REQUIRED field ("Missing required field"). Where the loading pages are silent
 * the stricter reading is taken: a JSON number or boolean is not turned into STRING text, a STRING value
 * must spell a whole number for INT64 or a number for FLOAT64, and BOOL takes only true and false
 * (https://cloud.google.com/bigquery/docs/loading-data-cloud-storage-json).
 */
function valueProblem(
  column: { name: string; type: string; notNull?: boolean },
  record: Record<string, unknown>,
): string | undefined {
  const key = Object.keys(record).find((k) => k.toLowerCase() === column.name.toLowerCase());
  const value = key === undefined ? null : record[key];
  const type = column.type.toUpperCase();
  if (value === null || value === undefined) {
    return column.notNull ? `Missing required field: ${column.name}.` : undefined;
  }
  const repeated = type.endsWith('[]');
  if (Array.isArray(value))
    return repeated ? undefined : `Array specified for non-repeated field: ${column.name}.`;
  if (repeated) return `Repeated field must be imported as a JSON array. Field: ${column.name}.`;
  if (typeof value === 'object') {
    return type === 'JSON' || type.startsWith('STRUCT')
      ? undefined
      : `JSON object specified for non-record field: ${column.name}.`;
  }
  const shown = JSON.stringify(value);
  switch (type) {
    case 'VARCHAR':
      return typeof value === 'string'
        ? undefined
        : `Could not convert ${shown} to STRING for field ${column.name}`;
    case 'BIGINT':
      return (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && /^-?\d+$/.test(value))
        ? undefined
        : `Could not parse ${shown} as INT64 for field ${column.name}`;
    case 'DOUBLE':
      return typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        ? undefined
        : `Could not parse ${shown} as FLOAT64 for field ${column.name}`;
    case 'BOOLEAN':
      return typeof value === 'boolean'
        ? undefined
        : `Could not parse ${shown} as BOOL for field ${column.name}`;
    default:
      return undefined;
  }
}

/**
 * Runs a parsed LOAD DATA: reads every NEWLINE_DELIMITED_JSON file of `uris` (`gs://bucket/object`, one `*`
 * wildcard at most, read from `<gcsDir>/bucket/object`), checks each value against its column, and only
 * then creates, replaces or appends to the table. `ignore_unknown_values` (default false) and
 * `max_bad_records` (default 0) apply as on BigQuery.
 * A table the load creates or overwrites gets `options` (see option-lists.ts). Appending
 * to an existing table with OPTIONS is refused: the load statements page does not say whether the options
 * then change the table (https://cloud.google.com/bigquery/docs/reference/standard-sql/load-statements), so
 * the emulator takes the stricter reading.
 * @returns the number of rows loaded.
 * @throws BigQueryError `invalidQuery` for an unsupported format, missing or malformed `uris`; `notFound`
 *   for a missing dataset or a URI no file matches; `invalid` for more bad records than `max_bad_records`
 *   (naming the first one's line and URI) or an unknown field.
 */
export async function loadData(
  statement: LoadDataStatement,
  warehouse: Warehouse,
  gcsDir: string,
  options: OptionValues = {},
): Promise<number> {
  const { table } = statement;
  const { uris, ignoreUnknown, maxBad } = fileOptions(statement.files);
  await warehouse.requireDataset(table);
  const { records, origins, bad } = readRecords(uris, gcsDir);
  const checkBad = () => {
    if (bad.length > maxBad) {
      throw new BigQueryError(
        'invalid',
        `Error while reading data, error message: ${bad[0]}${bad.length > 1 ? ` (and ${bad.length - 1} more bad records)` : ''}`,
      );
    }
  };
  checkBad();
  const exists = await warehouse.tableExists(table);
  if (exists && !statement.overwrite && statement.optionsAt >= 0) {
    throw invalidQuery(
      `LOAD DATA INTO the existing table ${displayTable(table)} with OPTIONS is not emulated: use OVERWRITE, or no OPTIONS`,
    );
  }
  const columns = await targetColumns(statement, warehouse, exists, records);
  // A value the column cannot hold makes its row a bad record, as a load job counts it (max_bad_records).
  const kept: Record<string, unknown>[] = [];
  records.forEach((record, r) => {
    const problem = columns.map((column) => valueProblem(column, record)).find((p) => p !== undefined);
    if (problem === undefined) kept.push(record);
    else bad.push(`${problem} (row starting at ${origins[r]})`);
  });
  checkBad();
  if (!ignoreUnknown) refuseUnknownFields(kept, columns);
  await writeRows(warehouse, statement, { exists, columns, records: kept, options });
  return kept.length;
}

/** The FILES options a load reads: the format (JSON only), `uris`, and the bad-record tolerances. */
function fileOptions(files: LoadDataStatement['files']): {
  uris: string[];
  ignoreUnknown: boolean;
  maxBad: number;
} {
  const format = String(files.get('format') ?? '').toUpperCase();
  if (format !== 'NEWLINE_DELIMITED_JSON' && format !== 'JSON') {
    throw invalidQuery(
      `LOAD DATA: format ${format || '(missing)'} is not emulated; use NEWLINE_DELIMITED_JSON`,
    );
  }
  const uris = files.get('uris');
  if (!Array.isArray(uris) || uris.length === 0 || uris.some((u) => typeof u !== 'string')) {
    throw invalidQuery("LOAD DATA: FILES needs uris = ['gs://bucket/object', ...]");
  }
  const maxBad = files.get('max_bad_records');
  return {
    uris: uris as string[],
    ignoreUnknown: files.get('ignore_unknown_values') === true,
    maxBad: typeof maxBad === 'number' ? maxBad : 0,
  };
}

/**
 * Every JSON object line of the files the URIs name, with where each came from (for the errors of its
 * values); a line that is not JSON, or not an object, is a bad record instead.
 */
function readRecords(
  uris: string[],
  gcsDir: string,
): { records: Record<string, unknown>[]; origins: string[]; bad: string[] } {
  const records: Record<string, unknown>[] = [];
  const origins: string[] = [];
  const bad: string[] = [];
  for (const { uri, file } of uris.flatMap((u) => resolveUri(u, gcsDir))) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim().length === 0) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        bad.push(
          `JSON parsing error in row starting at line ${i + 1} of ${uri}: ${(error as Error).message}`,
        );
        return;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        bad.push(`Line ${i + 1} of ${uri} is not a JSON object`);
        return;
      }
      records.push(parsed as Record<string, unknown>);
      origins.push(`line ${i + 1} of ${uri}`);
    });
  }
  return { records, origins, bad };
}

type LoadColumn = NonNullable<LoadDataStatement['columns']>[number];

/**
 * The table's columns: the statement's own list; else, appending, the existing table's; else detected from
 * the records (a JSON value's type, nulls skipped). Refuses empty input with nothing to detect from.
 */
async function targetColumns(
  statement: LoadDataStatement,
  warehouse: Warehouse,
  exists: boolean,
  records: Record<string, unknown>[],
): Promise<LoadColumn[]> {
  if (statement.columns) return statement.columns;
  if (exists && !statement.overwrite) {
    const reader = await warehouse.connection.runAndReadAll(
      `SELECT * FROM ${tableName(statement.table)} LIMIT 0`,
    );
    return reader.columnNames().map((name, i) => ({ name, type: String(reader.columnTypes()[i]) }));
  }
  const seen = new Map<string, string>();
  for (const record of records)
    for (const [key, value] of Object.entries(record))
      if (value !== null && !seen.has(key)) seen.set(key, inferType(value));
  if (seen.size === 0)
    throw invalidQuery(
      `LOAD DATA: cannot detect a schema for ${displayTable(statement.table)} from empty input`,
    );
  return [...seen.entries()].map(([name, type]) => ({ name, type }));
}

/** Without `ignore_unknown_values`, a field no column names fails the load, as BigQuery's does. */
function refuseUnknownFields(records: Record<string, unknown>[], columns: LoadColumn[]): void {
  const known = new Set(columns.map((c) => c.name.toLowerCase()));
  records.forEach((record, i) => {
    const unknown = Object.keys(record).find((key) => !known.has(key.toLowerCase()));
    if (unknown) {
      throw new BigQueryError(
        'invalid',
        `Error while reading data, error message: JSON parsing error in row ${i + 1}: No such field: ${unknown}.`,
      );
    }
  });
}

/**
 * In one transaction: creates (or, with OVERWRITE, replaces) the table with `options` when it must, then
 * inserts the records, each value cast to its column's type. A failure rolls it all back.
 */
async function writeRows(
  warehouse: Warehouse,
  statement: LoadDataStatement,
  load: {
    exists: boolean;
    columns: LoadColumn[];
    records: Record<string, unknown>[];
    options: OptionValues;
  },
): Promise<void> {
  const { table } = statement;
  const { columns, records } = load;
  const target = tableName(table);
  const values: Record<string, ReturnType<typeof listValue>> = {};
  const select = columns.map((column, i) => {
    values[`c${i}`] = listValue(
      records.map((record) => {
        const key = Object.keys(record).find((k) => k.toLowerCase() === column.name.toLowerCase());
        const value = key === undefined ? null : record[key];
        if (value === null || value === undefined) return null;
        return typeof value === 'string' ? value : JSON.stringify(value);
      }),
    );
    return `CAST(unnest($c${i}) AS ${column.type}) AS ${quoteIdent(column.name)}`;
  });
  const types = Object.fromEntries(Object.keys(values).map((k) => [k, LIST(VARCHAR)]));
  const definition = columns
    .map((c) => `${quoteIdent(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : ''}`)
    .join(', ');
  const rows = `SELECT ${select.join(', ')}`;
  try {
    await warehouse.connection.run('BEGIN TRANSACTION');
    if (statement.overwrite || !load.exists) {
      await warehouse.connection.run(`CREATE OR REPLACE TABLE ${target} (${definition})`);
      await applyTableOptions(warehouse.connection, table, load.options);
    }
    if (records.length > 0)
      await warehouse.connection.run(`INSERT INTO ${target} BY NAME ${rows}`, values, types);
    await warehouse.connection.run('COMMIT');
  } catch (error) {
    await warehouse.connection.run('ROLLBACK');
    throw warehouse.mapError(error, [table]);
  }
}
