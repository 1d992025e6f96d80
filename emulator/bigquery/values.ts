import {
  BIGINT,
  BLOB,
  BOOLEAN,
  DATE,
  DOUBLE,
  INTEGER,
  INTERVAL,
  TIME,
  TIMESTAMP,
  DuckDBListType,
  DuckDBStructType,
  DuckDBTypeId,
  LIST,
  STRUCT,
  TIMESTAMPTZ,
  VARCHAR,
  listValue,
  structValue,
  timestampTZValue,
  type DuckDBType,
  type DuckDBValue,
  type Json,
} from '@duckdb/node-api';
import { invalidQuery } from './errors';

/** A column of a BigQuery REST schema (`schema.fields[]`). */
export interface SchemaField {
  name: string;
  type: string;
  mode: 'NULLABLE' | 'REPEATED';
  fields?: SchemaField[];
}

/** A row in the REST `f`/`v` encoding (TableRow, https://cloud.google.com/bigquery/docs/reference/rest/v2/tabledata/list): the field names are BigQuery's. */
export interface FvRow {
  // eslint-disable-next-line no-restricted-syntax -- BigQuery's own field names
  f: { v: unknown }[];
}

const scalarNames: Partial<Record<DuckDBTypeId, string>> = {
  [DuckDBTypeId.VARCHAR]: 'STRING',
  [DuckDBTypeId.BOOLEAN]: 'BOOLEAN',
  [DuckDBTypeId.TINYINT]: 'INTEGER',
  [DuckDBTypeId.SMALLINT]: 'INTEGER',
  [DuckDBTypeId.INTEGER]: 'INTEGER',
  [DuckDBTypeId.BIGINT]: 'INTEGER',
  [DuckDBTypeId.HUGEINT]: 'INTEGER',
  [DuckDBTypeId.UTINYINT]: 'INTEGER',
  [DuckDBTypeId.USMALLINT]: 'INTEGER',
  [DuckDBTypeId.UINTEGER]: 'INTEGER',
  [DuckDBTypeId.UBIGINT]: 'INTEGER',
  [DuckDBTypeId.FLOAT]: 'FLOAT',
  [DuckDBTypeId.DOUBLE]: 'FLOAT',
  [DuckDBTypeId.DECIMAL]: 'NUMERIC',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'TIMESTAMP',
  [DuckDBTypeId.TIMESTAMP]: 'DATETIME',
  [DuckDBTypeId.DATE]: 'DATE',
  [DuckDBTypeId.TIME]: 'TIME',
  [DuckDBTypeId.BLOB]: 'BYTES',
  [DuckDBTypeId.INTERVAL]: 'INTERVAL',
  [DuckDBTypeId.UUID]: 'STRING',
  [DuckDBTypeId.SQLNULL]: 'STRING',
};

/**
 * The REST schema field (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#TableFieldSchema)
 * of a DuckDB column: legacy type names as the API reports them (INTEGER, FLOAT, BOOLEAN, RECORD), a LIST as
 * mode REPEATED, a STRUCT as RECORD with `fields`; a type with no BigQuery equivalent reads as STRING.
 */
export function schemaField(name: string, type: DuckDBType): SchemaField {
  if (type instanceof DuckDBListType) return { ...schemaField(name, type.valueType), mode: 'REPEATED' };
  if (type instanceof DuckDBStructType) {
    return {
      name,
      type: 'RECORD',
      mode: 'NULLABLE',
      fields: type.entryNames.map((entry, i) => schemaField(entry, type.entryTypes[i])),
    };
  }
  if (type.alias === 'JSON') return { name, type: 'JSON', mode: 'NULLABLE' };
  return { name, type: scalarNames[type.typeId] ?? 'STRING', mode: 'NULLABLE' };
}

/** The REST API's legacy type names and GoogleSQL's names for the same types. */
const standardNames: Record<string, string> = {
  INTEGER: 'INT64',
  FLOAT: 'FLOAT64',
  BOOLEAN: 'BOOL',
  RECORD: 'STRUCT',
};

/**
 * GoogleSQL's name of a DuckDB type, for messages: `INT64`, `FLOAT64`, `BOOL`, `TIMESTAMP` (DuckDB's
 * TIMESTAMP WITH TIME ZONE), `DATETIME` (DuckDB's TIMESTAMP), `ARRAY<STRING>`, `STRUCT<a INT64, STRING>`
 * (an unnamed field without a name). The same table as `schemaField`, so a message and a result schema never
 * name one type two ways (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types).
 */
export function googleSqlType(type: DuckDBType): string {
  if (type instanceof DuckDBListType) return `ARRAY<${googleSqlType(type.valueType)}>`;
  if (type instanceof DuckDBStructType) {
    const fields = type.entryNames.map((entry, i) =>
      [entry, googleSqlType(type.entryTypes[i])].filter((part) => part !== '').join(' '),
    );
    return `STRUCT<${fields.join(', ')}>`;
  }
  const legacy = schemaField('', type).type;
  return standardNames[legacy] ?? legacy;
}

/**
 * A DuckDB macro `bq_type_name(x)`: GoogleSQL's name of the type of `x` (DuckDB's `typeof` text for a type
 * the table does not hold), for errors raised inside SQL. Generated from `googleSqlType`.
 */
export function typeNameMacro(): string {
  const types = [
    VARCHAR,
    BOOLEAN,
    BIGINT,
    INTEGER,
    DOUBLE,
    TIMESTAMPTZ,
    TIMESTAMP,
    DATE,
    TIME,
    BLOB,
    INTERVAL,
  ];
  const cases = types.map((t) => `WHEN '${t.toString()}' THEN '${googleSqlType(t)}'`).join(' ');
  return `CREATE OR REPLACE MACRO bq_type_name(x) AS CASE typeof(x) ${cases} ELSE typeof(x) END`;
}

/** BigQuery's REST encoding of a TIMESTAMP: seconds since the epoch, as Java prints a double ("1.7E9"). */
function timestampSeconds(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})(:?\d{2})?$/.exec(text);
  if (!m) return text;
  const offset = `${m[4]}:${(m[5] ?? '00').replace(':', '')}`;
  const seconds = Math.floor(Date.parse(`${m[1]}T${m[2]}${offset}`) / 1000);
  const fraction = (m[3] ?? '').slice(1).replace(/0+$/, '');
  const digits = `${Math.abs(seconds)}${fraction}`.replace(/0+$/, '') || '0';
  const exponent = String(Math.abs(seconds)).length - 1;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : `${digits}.0`;
  return `${seconds < 0 ? '-' : ''}${mantissa}E${exponent}`;
}

/**
 * A FLOAT64 as the REST API writes it, which is Java's Double.toString: the shortest digits that read back
 * to the same double, in plain notation with at least one fraction digit for 1e-3 <= |x| < 1e7 ("5.0",
 * "0.25") and as d.dddE±n otherwise ("1.0E7", "1.5E-4"), the way TIMESTAMP cells read ("1.7E9").
 */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    if (e >= 0) {
      const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
      const fraction = digits.slice(e + 1) || '0';
      return `${sign}${whole}.${fraction}`;
    }
    return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${e}`;
}

/**
 * An INTERVAL in BigQuery's canonical text, `Y-M D H:M:S[.F]` with a sign on each part that is negative
 * (data-types#interval_type).
 */
function intervalText(value: { months: number; days: number; micros: string | number }): string {
  const months = Number(value.months);
  const micros = BigInt(value.micros);
  const ym = `${months < 0 ? '-' : ''}${Math.trunc(Math.abs(months) / 12)}-${Math.abs(months) % 12}`;
  const abs = micros < 0n ? -micros : micros;
  const seconds = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  const hms = `${micros < 0n ? '-' : ''}${seconds / 3600n}:${(seconds / 60n) % 60n}:${seconds % 60n}${fraction ? `.${fraction}` : ''}`;
  return `${ym} ${value.days} ${hms}`;
}

/** DuckDB's text for a BLOB (`\xAB` escapes, other bytes as characters) back to its bytes. */
function blobBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
      bytes.push(parseInt(text.slice(i + 2, i + 4), 16));
      i += 3;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

function cell(value: Json, field: SchemaField, repeatedItem = false): unknown {
  if (value === null || value === undefined) return null;
  if (field.mode === 'REPEATED' && !repeatedItem) {
    return (value as Json[]).map((item) => ({ v: cell(item, field, true) }));
  }
  if (field.type === 'RECORD') {
    const record = value as Record<string, Json>;
    return { f: (field.fields ?? []).map((sub) => ({ v: cell(record[sub.name], sub) })) };
  }
  if (field.type === 'TIMESTAMP') return timestampSeconds(String(value));
  if (field.type === 'DATETIME') return String(value).replace(' ', 'T');
  if (field.type === 'BOOLEAN') return value ? 'true' : 'false';
  // BYTES travel base64-encoded in the REST API.
  if (field.type === 'BYTES') return blobBytes(String(value)).toString('base64');
  if (field.type === 'FLOAT') return javaDouble(Number(value));
  if (field.type === 'INTERVAL')
    return intervalText(value as { months: number; days: number; micros: string });
  if (field.type === 'JSON' && typeof value !== 'string') return JSON.stringify(value);
  return typeof value === 'string' ? value : String(value);
}

/**
 * One row of DuckDB JSON values in the REST `f`/`v` encoding of jobs.getQueryResults rows: every scalar a
 * string (FLOAT64 as Java prints doubles, TIMESTAMP as epoch seconds in E-notation, BYTES base64, DATETIME
 * with a `T`), NULL as null, REPEATED as a list of `{v}`, RECORD as a nested `{f}`.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/getQueryResults (`rows`)
 */
export function fvRow(values: Json[], fields: SchemaField[]): FvRow {
  return { f: fields.map((field, i) => ({ v: cell(values[i], field) })) };
}

/** A BigQuery REST query parameter (`queryParameters[]`). */
export interface QueryParameter {
  name?: string;
  parameterType: {
    type: string;
    arrayType?: QueryParameter['parameterType'];
    structTypes?: { name: string; type: QueryParameter['parameterType'] }[];
  };
  parameterValue: RestValue;
}

interface RestValue {
  value?: unknown;
  arrayValues?: RestValue[];
  structValues?: Record<string, RestValue>;
}

export interface BoundValue {
  value: DuckDBValue;
  type: DuckDBType;
}

function scalarType(type: string, where: string): DuckDBType {
  switch (type.toUpperCase()) {
    case 'STRING':
      return VARCHAR;
    case 'INT64':
    case 'INTEGER':
      return BIGINT;
    case 'FLOAT64':
    case 'FLOAT':
    case 'NUMERIC':
    case 'BIGNUMERIC':
      return DOUBLE;
    case 'BOOL':
    case 'BOOLEAN':
      return BOOLEAN;
    case 'TIMESTAMP':
      return TIMESTAMPTZ;
    case 'JSON':
      return VARCHAR;
    default:
      throw invalidQuery(`Query parameter ${where} has unsupported type ${type}`);
  }
}

function restType(type: QueryParameter['parameterType'], where: string): DuckDBType {
  if (type.type.toUpperCase() === 'ARRAY') {
    if (!type.arrayType) throw invalidQuery(`Query parameter ${where}: ARRAY needs arrayType`);
    return LIST(restType(type.arrayType, where));
  }
  if (type.type.toUpperCase() === 'STRUCT') {
    return STRUCT(Object.fromEntries((type.structTypes ?? []).map((s) => [s.name, restType(s.type, where)])));
  }
  return scalarType(type.type, where);
}

function restValue(
  type: QueryParameter['parameterType'],
  value: RestValue | undefined,
  where: string,
): DuckDBValue {
  const kind = type.type.toUpperCase();
  if (kind === 'ARRAY') {
    return listValue((value?.arrayValues ?? []).map((item) => restValue(type.arrayType!, item, where)));
  }
  if (kind === 'STRUCT') {
    return structValue(
      Object.fromEntries(
        (type.structTypes ?? []).map((s) => [
          s.name,
          restValue(s.type, value?.structValues?.[s.name], where),
        ]),
      ),
    );
  }
  const raw = value?.value;
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  switch (kind) {
    case 'INT64':
    case 'INTEGER':
      if (!/^-?\d+$/.test(text))
        throw invalidQuery(`Query parameter ${where}: ${JSON.stringify(text)} is not an INT64`);
      return BigInt(text);
    case 'FLOAT64':
    case 'FLOAT':
    case 'NUMERIC':
    case 'BIGNUMERIC': {
      const n = Number(text);
      if (Number.isNaN(n))
        throw invalidQuery(`Query parameter ${where}: ${JSON.stringify(text)} is not a number`);
      return n;
    }
    case 'BOOL':
    case 'BOOLEAN':
      if (!/^(true|false)$/i.test(text))
        throw invalidQuery(`Query parameter ${where}: ${JSON.stringify(text)} is not a BOOL`);
      return /^true$/i.test(text);
    case 'TIMESTAMP': {
      const ms = Date.parse(text);
      if (Number.isNaN(ms))
        throw invalidQuery(`Query parameter ${where}: ${JSON.stringify(text)} is not a TIMESTAMP`);
      return timestampTZValue(BigInt(ms) * 1000n);
    }
    default:
      return text;
  }
}

/**
 * A REST query parameter (https://cloud.google.com/bigquery/docs/reference/rest/v2/QueryParameter) as a
 * typed DuckDB value: scalars from their string `value` (INT64 digits, FLOAT64/NUMERIC numbers, BOOL
 * true/false, TIMESTAMP any date text JavaScript parses), ARRAY and STRUCT recursively; an absent value is
 * NULL. `where` names the parameter in errors (`@name` or its 1-based position).
 * @throws BigQueryError `invalidQuery` for a missing or unsupported type, or a value that does not parse.
 */
export function bindRestParameter(param: QueryParameter, where: string): BoundValue {
  if (!param.parameterType?.type) throw invalidQuery(`Query parameter ${where} has no parameterType.type`);
  return {
    type: restType(param.parameterType, where),
    value: restValue(param.parameterType, param.parameterValue, where),
  };
}

/**
 * Plain JavaScript values, for the emulator's own query(): strings, numbers, booleans, string arrays.
 * @throws BigQueryError `invalidQuery` for any other value.
 */
export function bindPlainValue(value: unknown, where: string): BoundValue {
  if (typeof value === 'string' || value === null) return { type: VARCHAR, value };
  if (typeof value === 'boolean') return { type: BOOLEAN, value };
  if (typeof value === 'bigint') return { type: BIGINT, value };
  if (typeof value === 'number')
    return Number.isInteger(value) ? { type: BIGINT, value: BigInt(value) } : { type: DOUBLE, value };
  if (Array.isArray(value)) {
    const items = value.map((item, i) => bindPlainValue(item, `${where}[${i}]`));
    return { type: LIST(items[0]?.type ?? VARCHAR), value: listValue(items.map((item) => item.value)) };
  }
  throw invalidQuery(`Query parameter ${where}: unsupported value ${JSON.stringify(value)}`);
}
