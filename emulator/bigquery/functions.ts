/**
 * The GoogleSQL functions the local emulator runs, and how each becomes DuckDB SQL that gives BigQuery's
 * answer: its NULL handling, its errors and its result type. A function that is not in this table is
 * refused with `not supported by the local emulator: ...` rather than handed to DuckDB, whose function of
 * the same name may answer differently. `emulator/README.md` prints this table (a test keeps the two
 * equal). Each entry names the BigQuery reference page it follows, under
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/.
 */
import { invalidQuery } from './errors';

/** One function of the table: how many arguments it takes, what it keeps of BigQuery, and its DuckDB SQL. */
export interface FunctionRule {
  /** Fewest and most arguments. */
  arity: [number, number];
  /** BigQuery's behaviour that the translation keeps, for the README table. */
  behaviour: string;
  /** Reference page (file name under the standard-sql reference). */
  page: string;
  /**
   * DuckDB SQL for a call from its already translated arguments; absent where the translator handles the
   * call's own syntax (ORDER BY / LIMIT inside aggregates, `AS type`, `part FROM x`).
   */
  sql?: (args: string[], raw: RawArgs) => string;
}

/**
 * What the rules can see beyond the translated arguments: a literal's value and an argument's keyword, and
 * the statement's instant.
 */
export interface RawArgs {
  /** DuckDB SQL for the statement's instant, a TIMESTAMPTZ (see Translator). */
  now(): string;
  /** The decoded value of argument `index` if it is a single string literal. */
  stringLiteral(index: number): string | undefined;
  /** Argument `index` as an upper-case keyword (a date part such as `DAY`), if it is one bare word. */
  word(index: number): string | undefined;
  /** Whether argument `index` is a `PARSE_JSON(...)` call or a `JSON '...'` literal (a JSON-typed value). */
  isJson(index: number): boolean;
}

export const referenceBase = 'https://cloud.google.com/bigquery/docs/reference/standard-sql/';

/** The error for GoogleSQL the emulator does not run: `invalidQuery`, naming what is not supported. */
export const unsupported = (what: string): Error =>
  invalidQuery(`not supported by the local emulator: ${what}`);

/** DuckDB macros the warehouse defines once; the rules below call them. */
export const duckdbMacros = [
  `CREATE OR REPLACE MACRO bq_nonzero(b) AS CASE WHEN b = 0 THEN error('division by zero') ELSE b END`,
  'CREATE OR REPLACE MACRO bq_safe_divide(a, b) AS CASE WHEN b = 0 THEN NULL ELSE a / b END',
  `CREATE OR REPLACE MACRO bq_div(a, b) AS CASE WHEN b = 0 THEN error('division by zero: DIV') ELSE a // b END`,
  `CREATE OR REPLACE MACRO bq_mod(a, b) AS CASE WHEN b = 0 THEN error('division by zero: MOD') ELSE mod(a, b) END`,
  // POW/EXP fail on overflow or an undefined result from finite arguments; infinite or NaN arguments give
  // the IEEE answer (the POW and EXP tables of mathematical_functions).
  `CREATE OR REPLACE MACRO bq_pow(x, y) AS CASE WHEN (isinf(power(x, y)) OR isnan(power(x, y))) AND NOT (isinf(x) OR isinf(y) OR isnan(x) OR isnan(y)) THEN error('Floating point error in function: POW(' || x || ', ' || y || ')') ELSE power(x, y) END`,
  `CREATE OR REPLACE MACRO bq_exp(x) AS CASE WHEN isinf(exp(x)) AND NOT isinf(x) THEN error('Floating point overflow in function: EXP(' || x || ')') ELSE exp(x) END`,
  // LN/LOG/LOG10: -inf and a +inf base give NaN; x <= 0, base <= 0 and base 1 are errors (DuckDB: -inf
  // fails, base 1 gives inf).
  `CREATE OR REPLACE MACRO bq_log(x, b) AS CASE WHEN x = CAST('-inf' AS DOUBLE) OR b = CAST('inf' AS DOUBLE) THEN CAST('NaN' AS DOUBLE) WHEN x <= 0 OR b <= 0 OR b = 1 THEN error('Argument to LOG must be positive and the base positive and not 1: LOG(' || x || ', ' || b || ')') ELSE ln(x) / ln(b) END`,
  `CREATE OR REPLACE MACRO bq_ln(x) AS CASE WHEN x = CAST('-inf' AS DOUBLE) THEN CAST('NaN' AS DOUBLE) WHEN x <= 0 THEN error('Argument to LN must be positive: ' || x) ELSE ln(x) END`,
  `CREATE OR REPLACE MACRO bq_log10(x) AS CASE WHEN x = CAST('-inf' AS DOUBLE) THEN CAST('NaN' AS DOUBLE) WHEN x <= 0 THEN error('Argument to LOG10 must be positive: ' || x) ELSE log10(x) END`,
  // SIGN and LEAST of a NaN are NaN (DuckDB: 0, and LEAST skips it); typeof() is fixed per argument type.
  `CREATE OR REPLACE MACRO bq_sign(x) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') AND isnan(TRY_CAST(x AS DOUBLE)) THEN x ELSE sign(x) END`,
  `CREATE OR REPLACE MACRO bq_range_bucket(p, arr) AS CASE WHEN p IS NULL THEN NULL WHEN len(list_filter(arr, lambda e: e IS NULL)) > 0 THEN error('RANGE_BUCKET: the array has a NULL element') WHEN arr <> list_sort(arr) THEN error('RANGE_BUCKET: the array is not sorted') ELSE len(list_filter(arr, lambda e: e <= p)) END`,
  // DATE_DIFF/DATE_TRUNC of a TIMESTAMP or DATETIME follow TIMESTAMP_DIFF/TRUNC rules (date_functions#date_diff):
  // only DATE (and date STRING) arguments are emulated here.
  // Boundaries crossed, computed per part: DuckDB's week difference counts whole weeks.
  `CREATE OR REPLACE MACRO bq_date_diff_dates(part, a, b) AS CASE part WHEN 'day' THEN date_diff('day', b, a) WHEN 'week' THEN date_diff('day', CAST(date_trunc('week', b) AS DATE), CAST(date_trunc('week', a) AS DATE)) // 7 WHEN 'month' THEN (year(a) * 12 + month(a)) - (year(b) * 12 + month(b)) WHEN 'quarter' THEN (year(a) * 4 + quarter(a)) - (year(b) * 4 + quarter(b)) WHEN 'year' THEN year(a) - year(b) ELSE isoyear(a) - isoyear(b) END`,
  `CREATE OR REPLACE MACRO bq_date_diff(part, a, b) AS CASE WHEN typeof(a) NOT IN ('DATE', 'VARCHAR') OR typeof(b) NOT IN ('DATE', 'VARCHAR') THEN error('not supported by the local emulator: DATE_DIFF of ' || bq_type_name(a) || ' and ' || bq_type_name(b) || ' values') ELSE bq_date_diff_dates(part, TRY_CAST(a AS DATE), TRY_CAST(b AS DATE)) END`,
  `CREATE OR REPLACE MACRO bq_date_trunc(part, x) AS CASE WHEN typeof(x) NOT IN ('DATE', 'VARCHAR') THEN error('not supported by the local emulator: DATE_TRUNC of a ' || bq_type_name(x)) ELSE CAST(date_trunc(part, TRY_CAST(x AS DATE)) AS DATE) END`,
  'CREATE OR REPLACE MACRO bq_sha256(x) AS unhex(sha256(x))',
  'CREATE OR REPLACE MACRO bq_to_hex(x) AS lower(hex(x))',
  `CREATE OR REPLACE MACRO bq_substr(s, p, l) AS CASE WHEN l < 0 THEN error('Third argument in SUBSTR() cannot be negative') ELSE substring(s, CASE WHEN p = 0 OR -p > length(s) THEN 1 ELSE p END, l) END`,
  'CREATE OR REPLACE MACRO bq_substr_rest(s, p) AS substring(s, CASE WHEN p = 0 OR -p > length(s) THEN 1 ELSE p END)',
  // JSON functions: an invalid JSON-formatted STRING gives NULL (json_functions#json_value_array); a
  // STRING input's JSON null is SQL NULL, a JSON input's stays JSON null (json_functions#json_query).
  `CREATE OR REPLACE MACRO bq_json(j) AS CASE WHEN json_valid(j) THEN j END`,
  `CREATE OR REPLACE MACRO bq_json_value(j, p) AS CASE WHEN json_type(json_extract(bq_json(j), p)) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(bq_json(j), p) END`,
  `CREATE OR REPLACE MACRO bq_json_query_string(j, p) AS CASE WHEN json_type(json_extract(bq_json(j), p)) = 'NULL' THEN NULL ELSE CAST(json_extract(bq_json(j), p) AS VARCHAR) END`,
  `CREATE OR REPLACE MACRO bq_json_query_array(j, p) AS CASE WHEN json_type(json_extract(bq_json(j), p)) = 'ARRAY' THEN CAST(json_extract(bq_json(j), p) AS JSON[]) END`,
  `CREATE OR REPLACE MACRO bq_json_value_array(j, p) AS CASE WHEN json_type(json_extract(bq_json(j), p)) IS DISTINCT FROM 'ARRAY' THEN NULL WHEN len(list_filter(CAST(json_extract(bq_json(j), p) AS JSON[]), lambda e: json_type(e) IN ('OBJECT', 'ARRAY'))) > 0 THEN NULL WHEN len(list_filter(CAST(json_extract(bq_json(j), p) AS JSON[]), lambda e: e IS NULL OR json_type(e) = 'NULL')) > 0 THEN error('Array cannot have a null element') ELSE list_transform(CAST(json_extract(bq_json(j), p) AS JSON[]), lambda e: json_extract_string(e, '$')) END`,
  `CREATE OR REPLACE MACRO bq_json_type(j) AS CASE json_type(j) WHEN 'OBJECT' THEN 'object' WHEN 'ARRAY' THEN 'array' WHEN 'VARCHAR' THEN 'string' WHEN 'BOOLEAN' THEN 'boolean' WHEN 'NULL' THEN 'null' ELSE 'number' END`,
  `CREATE OR REPLACE MACRO bq_offset(arr, i) AS CASE WHEN i < 0 OR i >= len(arr) THEN error('Array index ' || i || ' is out of bounds') ELSE arr[i + 1] END`,
  'CREATE OR REPLACE MACRO bq_safe_offset(arr, i) AS CASE WHEN i < 0 OR i >= len(arr) THEN NULL ELSE arr[i + 1] END',
  `CREATE OR REPLACE MACRO bq_ordinal(arr, i) AS CASE WHEN i < 1 OR i > len(arr) THEN error('Array index ' || i || ' is out of bounds') ELSE arr[i] END`,
  'CREATE OR REPLACE MACRO bq_safe_ordinal(arr, i) AS CASE WHEN i < 1 OR i > len(arr) THEN NULL ELSE arr[i] END',
  `CREATE OR REPLACE MACRO bq_no_null_elements(arr) AS CASE WHEN len(list_filter(arr, lambda x: x IS NULL)) > 0 THEN error('Array cannot have a null element') ELSE arr END`,
  `CREATE OR REPLACE MACRO bq_generate_array(a, b, s) AS CASE WHEN s = 0 THEN error('Sequence step cannot be 0.') ELSE generate_series(a, b, s) END`,
  // CAST(x AS STRING) writes a FLOAT64 without a trailing ".0" (DuckDB keeps it); DuckDB's text of BYTES is
  // its escape form, so that cast is refused.
  `CREATE OR REPLACE MACRO bq_string(x) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN regexp_replace(CAST(x AS VARCHAR), '\\.0$', '') WHEN typeof(x) = 'BLOB' THEN error('not supported by the local emulator: CAST of BYTES to STRING') ELSE CAST(x AS VARCHAR) END`,
  `CREATE OR REPLACE MACRO bq_concat_arg(x) AS CASE WHEN typeof(x) = 'BLOB' THEN error('not supported by the local emulator: CONCAT of BYTES') ELSE bq_string(x) END`,
  `CREATE OR REPLACE MACRO bq_bytes(x) AS CASE WHEN typeof(x) = 'BLOB' THEN TRY_CAST(x AS BLOB) ELSE encode(TRY_CAST(x AS VARCHAR)) END`,
  // String functions DuckDB has only for VARCHAR: a BYTES argument is refused rather than misread.
  `CREATE OR REPLACE MACRO bq_text(x, fn) AS CASE WHEN typeof(x) = 'BLOB' THEN error('not supported by the local emulator: ' || fn || ' of BYTES') ELSE TRY_CAST(x AS VARCHAR) END`,
  `CREATE OR REPLACE MACRO bq_length(x) AS CASE WHEN typeof(x) = 'BLOB' THEN octet_length(TRY_CAST(x AS BLOB)) ELSE length(TRY_CAST(x AS VARCHAR)) END`,
  `CREATE OR REPLACE MACRO bq_pad(x, n, p, fn) AS CASE WHEN n < 0 THEN error(fn || ': return_length cannot be negative') WHEN p = '' THEN error(fn || ': pattern cannot be empty') WHEN fn = 'LPAD' THEN lpad(x, n, p) ELSE rpad(x, n, p) END`,
];

/** A rule for a STRING function: its first argument refused when it is BYTES (see bq_text). */
const text =
  (name: string, fn: string, texts = 1) =>
  (args: string[]): string =>
    `${name}(${args.map((arg, index) => (index < texts ? `bq_text(${arg}, '${fn}')` : arg)).join(', ')})`;

/** A rule that renames the function and keeps its arguments. */
const same =
  (name: string) =>
  (args: string[]): string =>
    `${name}(${args.join(', ')})`;

/** All arguments non-NULL or the answer is NULL (BigQuery's GREATEST/LEAST/ARRAY_CONCAT; DuckDB skips NULLs). */
const nullIfAnyNull = (args: string[], body: string): string =>
  `CASE WHEN ${args.map((arg) => `(${arg}) IS NULL`).join(' OR ')} THEN NULL ELSE ${body} END`;

/** Date parts DuckDB counts and truncates the way BigQuery does (WEEK starts on Sunday in BigQuery). */
const calendarParts: Record<string, string> = {
  DAY: 'day',
  ISOWEEK: 'week',
  MONTH: 'month',
  QUARTER: 'quarter',
  YEAR: 'year',
  ISOYEAR: 'isoyear',
};
const timeParts: Record<string, string> = {
  MICROSECOND: 'microseconds',
  MILLISECOND: 'milliseconds',
  SECOND: 'second',
  MINUTE: 'minute',
  HOUR: 'hour',
};
/** Microseconds in a TIMESTAMP_DIFF unit: BigQuery counts whole units elapsed (a DAY is 24 hours). */
const unitMicros: Record<string, number> = {
  MICROSECOND: 1,
  MILLISECOND: 1000,
  SECOND: 1_000_000,
  MINUTE: 60_000_000,
  HOUR: 3_600_000_000,
  DAY: 86_400_000_000,
};

function part(raw: RawArgs, index: number, allowed: Record<string, string>, fn: string): string {
  const word = raw.word(index);
  if (!word || !(word in allowed))
    throw unsupported(
      `${fn} with date part ${word ?? '(expression)'} (supported: ${Object.keys(allowed).join(', ')})`,
    );
  return allowed[word];
}

/** Format elements whose meaning DuckDB's strftime/strptime shares with BigQuery's. */
const formatElements = new Set([
  'Y',
  'm',
  'd',
  'H',
  'M',
  'S',
  'y',
  'b',
  'B',
  'h',
  'a',
  'A',
  'j',
  'p',
  'I',
  '%',
]);

function formatString(raw: RawArgs, index: number, fn: string): string {
  const format = raw.stringLiteral(index);
  if (format === undefined) throw unsupported(`${fn} with a format that is not a string literal`);
  const expanded = format.replace(/%F/g, '%Y-%m-%d').replace(/%T/g, '%H:%M:%S').replace(/%D/g, '%m/%d/%y');
  for (const element of expanded.matchAll(/%(.)/g)) {
    if (!formatElements.has(element[1])) throw unsupported(`${fn} format element %${element[1]}`);
  }
  return `'${expanded.replace(/'/g, "''")}'`;
}

/**
 * A JSONPath argument: a literal in the form BigQuery and DuckDB read alike (`$`, `.name`, `."quoted"`,
 * `[index]`); `lax` modes, wildcards and `['name']` are refused. Absent means `$`.
 */
function jsonPath(args: string[], raw: RawArgs, index: number, fn: string): string {
  if (args[index] === undefined) return "'$'";
  const path = raw.stringLiteral(index);
  if (path === undefined) throw unsupported(`${fn} with a JSONPath that is not a string literal`);
  if (!/^\$(\.([A-Za-z_][A-Za-z0-9_]*|"[^"]*")|\[\d+\])*$/.test(path))
    throw unsupported(`${fn} with the JSONPath ${JSON.stringify(path)}`);
  return args[index];
}

function jsonQuery(args: string[], raw: RawArgs, fn: string): string {
  const path = jsonPath(args, raw, 1, fn);
  return raw.isJson(0) ? `json_extract(${args[0]}, ${path})` : `bq_json_query_string(${args[0]}, ${path})`;
}

function jsonArray(args: string[], raw: RawArgs, fn: string): string {
  const array = `bq_json_query_array(${args[0]}, ${jsonPath(args, raw, 1, fn)})`;
  return raw.isJson(0) ? array : `CAST(${array} AS VARCHAR[])`;
}

/** Capture groups in an RE2 pattern: `(` not escaped and not `(?`. */
function captureGroups(pattern: string): number {
  let groups = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (pattern[i] === '(' && pattern[i + 1] !== '?') groups++;
  }
  return groups;
}

function regexpGroup(raw: RawArgs, fn: string): number {
  const pattern = raw.stringLiteral(1);
  if (pattern === undefined) throw unsupported(`${fn} with a pattern that is not a string literal`);
  const groups = captureGroups(pattern);
  if (groups > 1)
    throw invalidQuery(
      `Regular expressions passed into extraction functions must not have more than 1 capturing group`,
    );
  return groups;
}

const agg = 'aggregate_functions';
const str = 'string_functions';
const math = 'mathematical_functions';
const json = 'json_functions';
const ts = 'timestamp_functions';
const date = 'date_functions';
const arr = 'array_functions';
const cond = 'conditional_expressions';
const win = 'numbering_functions';
const nav = 'navigation_functions';
const hash = 'hash_functions';

const NULL_IN_NULL_OUT = 'NULL if any argument is NULL';

export const functions: Record<string, FunctionRule> = {
  // Aggregates
  COUNT: {
    arity: [1, 1],
    page: agg,
    behaviour: '`COUNT(*)`, `COUNT(DISTINCT x)`; 0 over no rows',
    sql: same('count'),
  },
  COUNTIF: {
    arity: [1, 1],
    page: agg,
    behaviour: '0 over no rows (DuckDB: NULL)',
    sql: (args) => {
      if (/^DISTINCT\b/i.test(args[0])) throw unsupported('COUNTIF(DISTINCT ...)');
      return `count(CASE WHEN ${args[0]} THEN 1 END)`;
    },
  },
  SUM: {
    arity: [1, 1],
    page: agg,
    behaviour: 'NULL over no rows; INT64 overflow is an error',
    sql: same('sum'),
  },
  AVG: { arity: [1, 1], page: agg, behaviour: 'FLOAT64; NULL over no rows', sql: same('avg') },
  MIN: { arity: [1, 1], page: agg, behaviour: 'ignores NULLs; NULL over no rows', sql: same('min') },
  MAX: { arity: [1, 1], page: agg, behaviour: 'ignores NULLs; NULL over no rows', sql: same('max') },
  ANY_VALUE: {
    arity: [1, 1],
    page: agg,
    behaviour: 'some value of the group (BigQuery leaves the choice open)',
    sql: same('any_value'),
  },
  LOGICAL_AND: { arity: [1, 1], page: agg, behaviour: 'ignores NULLs', sql: same('bool_and') },
  LOGICAL_OR: { arity: [1, 1], page: agg, behaviour: 'ignores NULLs', sql: same('bool_or') },
  BIT_AND: { arity: [1, 1], page: agg, behaviour: 'ignores NULLs', sql: same('bit_and') },
  BIT_OR: { arity: [1, 1], page: agg, behaviour: 'ignores NULLs', sql: same('bit_or') },
  BIT_XOR: { arity: [1, 1], page: agg, behaviour: 'ignores NULLs', sql: same('bit_xor') },
  ARRAY_AGG: {
    arity: [1, 1],
    page: agg,
    behaviour:
      'a NULL element is an error ("Array cannot have a null element") unless `IGNORE NULLS`; `DISTINCT`, `ORDER BY`, `LIMIT`',
  },
  STRING_AGG: {
    arity: [1, 2],
    page: agg,
    behaviour: 'skips NULLs; delimiter `,` by default; `DISTINCT`, `ORDER BY`, `LIMIT`; NULL over no rows',
  },
  STDDEV: {
    arity: [1, 1],
    page: 'statistical_aggregate_functions',
    behaviour: 'sample; NULL for one row',
    sql: same('stddev_samp'),
  },
  STDDEV_SAMP: {
    arity: [1, 1],
    page: 'statistical_aggregate_functions',
    behaviour: 'NULL for one row',
    sql: same('stddev_samp'),
  },
  STDDEV_POP: {
    arity: [1, 1],
    page: 'statistical_aggregate_functions',
    behaviour: 'population',
    sql: same('stddev_pop'),
  },
  VARIANCE: {
    arity: [1, 1],
    page: 'statistical_aggregate_functions',
    behaviour: 'sample; NULL for one row',
    sql: same('var_samp'),
  },
  VAR_SAMP: {
    arity: [1, 1],
    page: 'statistical_aggregate_functions',
    behaviour: 'NULL for one row',
    sql: same('var_samp'),
  },
  VAR_POP: {
    arity: [1, 1],
    page: 'statistical_aggregate_functions',
    behaviour: 'population',
    sql: same('var_pop'),
  },
  CORR: {
    arity: [2, 2],
    page: 'statistical_aggregate_functions',
    behaviour: 'pairs with a NULL ignored',
    sql: same('corr'),
  },
  COVAR_POP: {
    arity: [2, 2],
    page: 'statistical_aggregate_functions',
    behaviour: 'pairs with a NULL ignored',
    sql: same('covar_pop'),
  },
  COVAR_SAMP: {
    arity: [2, 2],
    page: 'statistical_aggregate_functions',
    behaviour: 'pairs with a NULL ignored',
    sql: same('covar_samp'),
  },

  // Window functions (with OVER)
  ROW_NUMBER: { arity: [0, 0], page: win, behaviour: 'window only', sql: same('row_number') },
  RANK: { arity: [0, 0], page: win, behaviour: 'window only', sql: same('rank') },
  DENSE_RANK: { arity: [0, 0], page: win, behaviour: 'window only', sql: same('dense_rank') },
  PERCENT_RANK: { arity: [0, 0], page: win, behaviour: 'window only', sql: same('percent_rank') },
  CUME_DIST: { arity: [0, 0], page: win, behaviour: 'window only', sql: same('cume_dist') },
  NTILE: { arity: [1, 1], page: win, behaviour: 'window only', sql: same('ntile') },
  LAG: { arity: [1, 3], page: nav, behaviour: 'window only; default NULL', sql: same('lag') },
  LEAD: { arity: [1, 3], page: nav, behaviour: 'window only; default NULL', sql: same('lead') },
  FIRST_VALUE: {
    arity: [1, 1],
    page: nav,
    behaviour: 'window only; `IGNORE NULLS`',
    sql: same('first_value'),
  },
  LAST_VALUE: { arity: [1, 1], page: nav, behaviour: 'window only; `IGNORE NULLS`', sql: same('last_value') },
  NTH_VALUE: { arity: [2, 2], page: nav, behaviour: 'window only', sql: same('nth_value') },
  PERCENTILE_CONT: {
    arity: [2, 2],
    page: nav,
    behaviour: 'window only; ignores NULLs; interpolated',
    sql: (args) => `quantile_cont(${args[0]}, ${args[1]})`,
  },
  PERCENTILE_DISC: {
    arity: [2, 2],
    page: nav,
    behaviour: 'window only; ignores NULLs',
    sql: (args) => `quantile_disc(${args[0]}, ${args[1]})`,
  },

  // Conditional
  IF: {
    arity: [3, 3],
    page: cond,
    behaviour: 'NULL condition takes the else branch',
    sql: (args) => `CASE WHEN ${args[0]} THEN ${args[1]} ELSE ${args[2]} END`,
  },
  IFNULL: { arity: [2, 2], page: cond, behaviour: 'first non-NULL', sql: same('coalesce') },
  COALESCE: { arity: [1, Infinity], page: cond, behaviour: 'first non-NULL', sql: same('coalesce') },
  NULLIF: { arity: [2, 2], page: cond, behaviour: 'NULL when equal', sql: same('nullif') },

  // Mathematical
  ABS: { arity: [1, 1], page: math, behaviour: 'INT64 overflow is an error', sql: same('abs') },
  SIGN: { arity: [1, 1], page: math, behaviour: 'NaN for NaN', sql: (args) => `bq_sign(${args[0]})` },
  SAFE_ADD: {
    arity: [2, 2],
    page: math,
    behaviour: 'NULL on overflow',
    sql: (args) => `try((${args[0]}) + (${args[1]}))`,
  },
  SAFE_SUBTRACT: {
    arity: [2, 2],
    page: math,
    behaviour: 'NULL on overflow',
    sql: (args) => `try((${args[0]}) - (${args[1]}))`,
  },
  SAFE_MULTIPLY: {
    arity: [2, 2],
    page: math,
    behaviour: 'NULL on overflow',
    sql: (args) => `try((${args[0]}) * (${args[1]}))`,
  },
  SAFE_NEGATE: {
    arity: [1, 1],
    page: math,
    behaviour: 'NULL on overflow',
    sql: (args) => `try(-(${args[0]}))`,
  },
  RANGE_BUCKET: {
    arity: [2, 2],
    page: math,
    behaviour: 'elements ≤ the point; NULL point is NULL; a NULL element or an unsorted array is an error',
    sql: (args) => `bq_range_bucket(${args[0]}, ${args[1]})`,
  },
  DIV: {
    arity: [2, 2],
    page: math,
    behaviour: 'integer division rounding toward zero; division by zero is an error',
    sql: (args) => `bq_div(${args[0]}, ${args[1]})`,
  },
  MOD: {
    arity: [2, 2],
    page: math,
    behaviour: 'sign of the dividend; division by zero is an error (DuckDB: NULL)',
    sql: (args) => `bq_mod(${args[0]}, ${args[1]})`,
  },
  SAFE_DIVIDE: {
    arity: [2, 2],
    page: math,
    behaviour: 'NULL when dividing by zero',
    sql: (args) => `bq_safe_divide(${args[0]}, ${args[1]})`,
  },
  IEEE_DIVIDE: {
    arity: [2, 2],
    page: math,
    behaviour: 'FLOAT64 division; x/0 is ±inf, 0/0 is NaN',
    sql: (args) => `(CAST(${args[0]} AS DOUBLE) / CAST(${args[1]} AS DOUBLE))`,
  },
  ROUND: {
    arity: [1, 2],
    page: math,
    behaviour: 'halfway cases away from zero; FLOAT64 for INT64 input',
    sql: (args) => `round(CAST(${args[0]} AS DOUBLE)${args[1] ? `, ${args[1]}` : ''})`,
  },
  TRUNC: {
    arity: [1, 2],
    page: math,
    behaviour: 'toward zero; FLOAT64 for INT64 input',
    sql: (args) =>
      args[1] ? `trunc(CAST(${args[0]} AS DOUBLE), ${args[1]})` : `trunc(CAST(${args[0]} AS DOUBLE))`,
  },
  CEIL: {
    arity: [1, 1],
    page: math,
    behaviour: 'FLOAT64 for INT64 input',
    sql: (args) => `ceil(CAST(${args[0]} AS DOUBLE))`,
  },
  CEILING: {
    arity: [1, 1],
    page: math,
    behaviour: 'FLOAT64 for INT64 input',
    sql: (args) => `ceil(CAST(${args[0]} AS DOUBLE))`,
  },
  FLOOR: {
    arity: [1, 1],
    page: math,
    behaviour: 'FLOAT64 for INT64 input',
    sql: (args) => `floor(CAST(${args[0]} AS DOUBLE))`,
  },
  SQRT: { arity: [1, 1], page: math, behaviour: 'negative input is an error', sql: same('sqrt') },
  POW: {
    arity: [2, 2],
    page: math,
    behaviour: 'overflow, 0 to a negative power and a negative base to a fractional power are errors',
    sql: (args) => `bq_pow(CAST(${args[0]} AS DOUBLE), CAST(${args[1]} AS DOUBLE))`,
  },
  POWER: {
    arity: [2, 2],
    page: math,
    behaviour: 'as POW',
    sql: (args) => `bq_pow(CAST(${args[0]} AS DOUBLE), CAST(${args[1]} AS DOUBLE))`,
  },
  EXP: {
    arity: [1, 1],
    page: math,
    behaviour: 'overflow is an error',
    sql: (args) => `bq_exp(CAST(${args[0]} AS DOUBLE))`,
  },
  LN: {
    arity: [1, 1],
    page: math,
    behaviour: 'input ≤ 0 is an error; -inf is NaN',
    sql: (args) => `bq_ln(CAST(${args[0]} AS DOUBLE))`,
  },
  LOG10: {
    arity: [1, 1],
    page: math,
    behaviour: 'input ≤ 0 is an error; -inf is NaN',
    sql: (args) => `bq_log10(CAST(${args[0]} AS DOUBLE))`,
  },
  LOG: {
    arity: [1, 2],
    page: math,
    behaviour:
      '`LOG(x, base)`: logarithm of x to base (DuckDB takes the base first); x ≤ 0, base ≤ 0 or 1 is an error',
    sql: (args) =>
      args[1]
        ? `bq_log(CAST(${args[0]} AS DOUBLE), CAST(${args[1]} AS DOUBLE))`
        : `bq_ln(CAST(${args[0]} AS DOUBLE))`,
  },
  GREATEST: {
    arity: [1, Infinity],
    page: math,
    behaviour: NULL_IN_NULL_OUT + ' (DuckDB skips NULLs)',
    sql: (args) => nullIfAnyNull(args, `greatest(${args.join(', ')})`),
  },
  LEAST: {
    arity: [1, Infinity],
    page: math,
    behaviour: NULL_IN_NULL_OUT + ' (DuckDB skips NULLs)',
    sql: (args) => nullIfAnyNull(args, `least(${args.join(', ')})`),
  },
  IS_NAN: { arity: [1, 1], page: math, behaviour: NULL_IN_NULL_OUT, sql: same('isnan') },
  IS_INF: { arity: [1, 1], page: math, behaviour: NULL_IN_NULL_OUT, sql: same('isinf') },
  RAND: { arity: [0, 0], page: math, behaviour: 'uniform in [0, 1)', sql: () => 'random()' },

  // Strings
  CONCAT: {
    arity: [1, Infinity],
    page: str,
    behaviour: 'NULL if any argument is NULL; STRING (DuckDB skips NULLs)',
    // `||` is NULL when a side is; a literal NULL would make DuckDB type the folded result INTEGER.
    sql: (args, raw) =>
      args.some((_, index) => raw.word(index) === 'NULL')
        ? 'CAST(NULL AS VARCHAR)'
        : `(${args.map((arg, index) => (raw.stringLiteral(index) !== undefined ? arg : `bq_concat_arg(${arg})`)).join(' || ')})`,
  },
  LENGTH: {
    arity: [1, 1],
    page: str,
    behaviour: 'characters of a STRING, bytes of BYTES',
    sql: (args) => `bq_length(${args[0]})`,
  },
  CHAR_LENGTH: { arity: [1, 1], page: str, behaviour: 'characters', sql: text('length', 'CHAR_LENGTH') },
  CHARACTER_LENGTH: {
    arity: [1, 1],
    page: str,
    behaviour: 'characters',
    sql: text('length', 'CHARACTER_LENGTH'),
  },
  BYTE_LENGTH: {
    arity: [1, 1],
    page: str,
    behaviour: 'UTF-8 bytes of a STRING',
    sql: (args) => `octet_length(encode(${args[0]}))`,
  },
  LOWER: { arity: [1, 1], page: str, behaviour: NULL_IN_NULL_OUT, sql: text('lower', 'LOWER') },
  UPPER: { arity: [1, 1], page: str, behaviour: NULL_IN_NULL_OUT, sql: text('upper', 'UPPER') },
  TRIM: {
    arity: [1, 2],
    page: str,
    behaviour: 'whitespace, or the given characters',
    sql: text('trim', 'TRIM', 2),
  },
  LTRIM: {
    arity: [1, 2],
    page: str,
    behaviour: 'whitespace, or the given characters',
    sql: text('ltrim', 'LTRIM', 2),
  },
  RTRIM: {
    arity: [1, 2],
    page: str,
    behaviour: 'whitespace, or the given characters',
    sql: text('rtrim', 'RTRIM', 2),
  },
  SUBSTR: {
    arity: [2, 3],
    page: str,
    behaviour:
      'position 0 is 1, negative counts from the end (before the start is 1); negative length is an error',
    sql: (args) => {
      const v = `bq_text(${args[0]}, 'SUBSTR')`;
      return args.length === 3
        ? `bq_substr(${v}, ${args[1]}, ${args[2]})`
        : `bq_substr_rest(${v}, ${args[1]})`;
    },
  },
  SUBSTRING: {
    arity: [2, 3],
    page: str,
    behaviour: 'as SUBSTR',
    sql: (args) => {
      const v = `bq_text(${args[0]}, 'SUBSTRING')`;
      return args.length === 3
        ? `bq_substr(${v}, ${args[1]}, ${args[2]})`
        : `bq_substr_rest(${v}, ${args[1]})`;
    },
  },
  STRPOS: { arity: [2, 2], page: str, behaviour: '1-based; 0 when absent', sql: text('strpos', 'STRPOS', 2) },
  STARTS_WITH: {
    arity: [2, 2],
    page: str,
    behaviour: NULL_IN_NULL_OUT,
    sql: text('starts_with', 'STARTS_WITH', 2),
  },
  ENDS_WITH: {
    arity: [2, 2],
    page: str,
    behaviour: NULL_IN_NULL_OUT,
    sql: text('ends_with', 'ENDS_WITH', 2),
  },
  REPLACE: {
    arity: [3, 3],
    page: str,
    behaviour: 'all occurrences; an empty pattern changes nothing',
    sql: text('replace', 'REPLACE', 3),
  },
  REVERSE: { arity: [1, 1], page: str, behaviour: NULL_IN_NULL_OUT, sql: text('reverse', 'REVERSE') },
  LEFT: {
    arity: [2, 2],
    page: str,
    behaviour: 'negative length is an error',
    sql: (args) =>
      `CASE WHEN ${args[1]} < 0 THEN error('Second argument in LEFT() cannot be negative') ELSE left(bq_text(${args[0]}, 'LEFT'), ${args[1]}) END`,
  },
  RIGHT: {
    arity: [2, 2],
    page: str,
    behaviour: 'negative length is an error',
    sql: (args) =>
      `CASE WHEN ${args[1]} < 0 THEN error('Second argument in RIGHT() cannot be negative') ELSE right(bq_text(${args[0]}, 'RIGHT'), ${args[1]}) END`,
  },
  REPEAT: {
    arity: [2, 2],
    page: str,
    behaviour: 'negative count is an error',
    sql: (args) =>
      `CASE WHEN ${args[1]} < 0 THEN error('Second argument in REPEAT() cannot be negative') ELSE repeat(${args[0]}, ${args[1]}) END`,
  },
  LPAD: {
    arity: [2, 3],
    page: str,
    behaviour:
      'pads with spaces by default; truncates to the length; negative length or empty pattern is an error',
    sql: (args) => `bq_pad(bq_text(${args[0]}, 'LPAD'), ${args[1]}, ${args[2] ?? "' '"}, 'LPAD')`,
  },
  RPAD: {
    arity: [2, 3],
    page: str,
    behaviour:
      'pads with spaces by default; truncates to the length; negative length or empty pattern is an error',
    sql: (args) => `bq_pad(bq_text(${args[0]}, 'RPAD'), ${args[1]}, ${args[2] ?? "' '"}, 'RPAD')`,
  },
  SPLIT: {
    arity: [1, 2],
    page: str,
    behaviour: 'delimiter `,` by default; an empty STRING gives `[""]`',
    sql: (args) => `string_split(bq_text(${args[0]}, 'SPLIT'), ${args[1] ?? "','"})`,
  },
  INSTR: {
    arity: [2, 4],
    page: str,
    behaviour:
      'overlapping occurrences; negative position searches backwards; 0 when absent; position 0 or occurrence < 1 is an error',
    sql: (args) => `bq_instr(bq_text(${args[0]}, 'INSTR'), ${args[1]}, ${args[2] ?? '1'}, ${args[3] ?? '1'})`,
  },
  INITCAP: {
    arity: [1, 2],
    page: str,
    behaviour: 'first character of each word upper-case, the rest lower-case',
    sql: (args) => `bq_initcap(${args.join(', ')})`,
  },
  NORMALIZE: {
    arity: [1, 2],
    page: str,
    behaviour: 'NFC by default; NFKC, NFD, NFKD',
    sql: (args, raw) => {
      const mode = args[1] === undefined ? 'NFC' : raw.word(1);
      if (!mode || !['NFC', 'NFKC', 'NFD', 'NFKD'].includes(mode))
        throw unsupported('NORMALIZE with that mode');
      return `bq_normalize(${args[0]}, '${mode}')`;
    },
  },
  UNICODE: {
    arity: [1, 1],
    page: str,
    behaviour: 'code point of the first character; 0 for an empty STRING',
    sql: (args) => `CASE WHEN bq_text(${args[0]}, 'UNICODE') = '' THEN 0 ELSE unicode(${args[0]}) END`,
  },
  TO_CODE_POINTS: {
    arity: [1, 1],
    page: str,
    behaviour: 'code points of a STRING (BYTES refused)',
    sql: (args) =>
      `CASE WHEN bq_text(${args[0]}, 'TO_CODE_POINTS') = '' THEN CAST([] AS BIGINT[]) ELSE list_transform(string_split(${args[0]}, ''), lambda c: CAST(unicode(c) AS BIGINT)) END`,
  },
  TO_BASE32: {
    arity: [1, 1],
    page: str,
    behaviour: 'RFC 4648 with padding',
    sql: (args) => `bq_to_base32(${args[0]})`,
  },
  FROM_BASE32: {
    arity: [1, 1],
    page: str,
    behaviour: 'BYTES; invalid input is an error',
    sql: (args) => `bq_from_base32(${args[0]})`,
  },
  EDIT_DISTANCE: {
    arity: [2, 2],
    page: str,
    behaviour: 'Levenshtein distance of STRINGs',
    sql: (args) => `levenshtein(bq_text(${args[0]}, 'EDIT_DISTANCE'), ${args[1]})`,
  },
  TRANSLATE: {
    arity: [3, 3],
    page: str,
    behaviour: 'character by character; a duplicate source character is an error',
    sql: (args) =>
      `CASE WHEN len(list_distinct(string_split(${args[1]}, ''))) < length(${args[1]}) THEN error('TRANSLATE: duplicate character in source_characters') ELSE translate(bq_text(${args[0]}, 'TRANSLATE'), ${args[1]}, ${args[2]}) END`,
  },
  REGEXP_CONTAINS: { arity: [2, 2], page: str, behaviour: 'RE2, partial match', sql: same('regexp_matches') },
  REGEXP_EXTRACT: {
    arity: [2, 2],
    page: str,
    behaviour:
      'the capture group if the pattern has one, else the match; NULL when nothing matches; pattern must be a literal',
    sql: (args, raw) => {
      const group = regexpGroup(raw, 'REGEXP_EXTRACT');
      // DuckDB gives '' both for an empty group and for one that took no part in the match (BigQuery: NULL).
      const found = `regexp_extract(${args[0]}, ${args[1]}, ${group})`;
      return group === 0
        ? `CASE WHEN regexp_matches(${args[0]}, ${args[1]}) THEN ${found} END`
        : `CASE WHEN NOT regexp_matches(${args[0]}, ${args[1]}) THEN NULL WHEN ${found} = '' THEN error('not supported by the local emulator: REGEXP_EXTRACT whose capture group matched nothing') ELSE ${found} END`;
    },
  },
  REGEXP_EXTRACT_ALL: {
    arity: [2, 2],
    page: str,
    behaviour: 'every match (its capture group if the pattern has one); pattern must be a literal',
    sql: (args, raw) => {
      const group = regexpGroup(raw, 'REGEXP_EXTRACT_ALL');
      const all = `regexp_extract_all(${args[0]}, ${args[1]}, ${group})`;
      return group === 0
        ? all
        : `CASE WHEN list_position(${all}, '') IS NOT NULL THEN error('not supported by the local emulator: REGEXP_EXTRACT_ALL whose capture group matched nothing') ELSE ${all} END`;
    },
  },
  REGEXP_REPLACE: {
    arity: [3, 3],
    page: str,
    behaviour: 'every match; `\\1` group references',
    sql: (args) => `regexp_replace(${args.join(', ')}, 'g')`,
  },
  TO_HEX: {
    arity: [1, 1],
    page: str,
    behaviour: 'lower-case hex of BYTES',
    sql: (args) => `bq_to_hex(${args[0]})`,
  },
  FROM_HEX: { arity: [1, 1], page: str, behaviour: 'BYTES', sql: same('unhex') },
  TO_BASE64: { arity: [1, 1], page: str, behaviour: 'of BYTES', sql: same('to_base64') },
  FROM_BASE64: { arity: [1, 1], page: str, behaviour: 'BYTES', sql: same('from_base64') },

  // Hashes (BYTES)
  SHA256: { arity: [1, 1], page: hash, behaviour: 'BYTES (32)', sql: (args) => `bq_sha256(${args[0]})` },
  SHA1: { arity: [1, 1], page: hash, behaviour: 'BYTES (20)', sql: (args) => `unhex(sha1(${args[0]}))` },
  MD5: { arity: [1, 1], page: hash, behaviour: 'BYTES (16)', sql: (args) => `unhex(md5(${args[0]}))` },
  FARM_FINGERPRINT: {
    arity: [1, 1],
    page: hash,
    behaviour: 'FarmHash Fingerprint64 of the UTF-8 bytes, as INT64',
    sql: (args) => `bq_farm_fingerprint(${args[0]})`,
  },

  // JSON
  PARSE_JSON: { arity: [1, 1], page: json, behaviour: 'invalid JSON is an error', sql: same('json') },
  TO_JSON_STRING: {
    arity: [1, 1],
    page: json,
    behaviour: 'SQL NULL is `null`',
    sql: (args) => `COALESCE(CAST(to_json(${args[0]}) AS VARCHAR), 'null')`,
  },
  JSON_VALUE: {
    arity: [1, 2],
    page: json,
    behaviour:
      'a scalar as STRING; NULL for an object, an array, JSON null, a missing path or an invalid JSON string',
    sql: (args, raw) => `bq_json_value(${args[0]}, ${jsonPath(args, raw, 1, 'JSON_VALUE')})`,
  },
  JSON_EXTRACT_SCALAR: {
    arity: [1, 2],
    page: json,
    behaviour: 'as JSON_VALUE',
    sql: (args, raw) => `bq_json_value(${args[0]}, ${jsonPath(args, raw, 1, 'JSON_EXTRACT_SCALAR')})`,
  },
  JSON_QUERY: {
    arity: [2, 2],
    page: json,
    behaviour:
      "the JSON at the path: JSON for `PARSE_JSON(…)`/`JSON '…'` input (JSON null kept), else STRING (JSON null is NULL); NULL for a missing path",
    sql: (args, raw) => jsonQuery(args, raw, 'JSON_QUERY'),
  },
  JSON_EXTRACT: {
    arity: [1, 2],
    page: json,
    behaviour: 'as JSON_QUERY',
    sql: (args, raw) => jsonQuery(args, raw, 'JSON_EXTRACT'),
  },
  JSON_QUERY_ARRAY: {
    arity: [1, 2],
    page: json,
    behaviour: 'ARRAY of the elements (JSON text for STRING input); NULL unless the path holds an array',
    sql: (args, raw) => jsonArray(args, raw, 'JSON_QUERY_ARRAY'),
  },
  JSON_EXTRACT_ARRAY: {
    arity: [1, 2],
    page: json,
    behaviour: 'as JSON_QUERY_ARRAY',
    sql: (args, raw) => jsonArray(args, raw, 'JSON_EXTRACT_ARRAY'),
  },
  JSON_VALUE_ARRAY: {
    arity: [1, 2],
    page: json,
    behaviour: 'ARRAY<STRING> of scalars; NULL unless an array of scalars; a JSON null element is an error',
    sql: (args, raw) => `bq_json_value_array(${args[0]}, ${jsonPath(args, raw, 1, 'JSON_VALUE_ARRAY')})`,
  },
  JSON_EXTRACT_STRING_ARRAY: {
    arity: [1, 2],
    page: json,
    behaviour: 'as JSON_VALUE_ARRAY',
    sql: (args, raw) =>
      `bq_json_value_array(${args[0]}, ${jsonPath(args, raw, 1, 'JSON_EXTRACT_STRING_ARRAY')})`,
  },
  JSON_TYPE: {
    arity: [1, 1],
    page: json,
    behaviour: 'object, array, string, number, boolean or null',
    sql: (args) => `bq_json_type(${args[0]})`,
  },

  // Arrays
  ARRAY_LENGTH: { arity: [1, 1], page: arr, behaviour: NULL_IN_NULL_OUT, sql: same('len') },
  ARRAY_REVERSE: { arity: [1, 1], page: arr, behaviour: NULL_IN_NULL_OUT, sql: same('list_reverse') },
  ARRAY_CONCAT: {
    arity: [1, Infinity],
    page: arr,
    behaviour: NULL_IN_NULL_OUT + ' (DuckDB skips NULLs)',
    sql: (args) => nullIfAnyNull(args, args.length === 1 ? args[0] : `list_concat(${args.join(', ')})`),
  },
  ARRAY_TO_STRING: {
    arity: [2, 3],
    page: arr,
    behaviour: 'skips NULL elements unless a NULL text is given',
    sql: (args) =>
      args[2]
        ? `array_to_string(list_transform(${args[0]}, lambda e: coalesce(CAST(e AS VARCHAR), ${args[2]})), ${args[1]})`
        : `array_to_string(${args[0]}, ${args[1]})`,
  },
  GENERATE_ARRAY: {
    arity: [2, 3],
    page: arr,
    behaviour: 'inclusive; step 0 is an error; empty when the step points away',
    sql: (args) => `bq_generate_array(${args[0]}, ${args[1]}, ${args[2] ?? '1'})`,
  },
  GENERATE_DATE_ARRAY: {
    arity: [2, 3],
    page: arr,
    behaviour: 'inclusive; default step `INTERVAL 1 DAY`',
    sql: (args) =>
      `CAST(generate_series(CAST(${args[0]} AS DATE), CAST(${args[1]} AS DATE), ${args[2] ?? 'INTERVAL 1 DAY'}) AS DATE[])`,
  },

  // Dates and times
  // One instant per statement, on the emulator's clock (engine.ts, StatementContext).
  CURRENT_TIMESTAMP: {
    arity: [0, 0],
    page: ts,
    behaviour: "the statement's start on the emulator's clock, the same for every call in it",
    sql: (_a, raw) => raw.now(),
  },
  CURRENT_DATE: {
    arity: [0, 0],
    page: date,
    behaviour: "UTC date of the statement's start",
    sql: (_a, raw) => `CAST(${raw.now()} AS DATE)`,
  },
  CURRENT_DATETIME: {
    arity: [0, 0],
    page: 'datetime_functions',
    behaviour: "UTC DATETIME of the statement's start",
    sql: (_a, raw) => `CAST(${raw.now()} AS TIMESTAMP)`,
  },
  CURRENT_TIME: {
    arity: [0, 0],
    page: 'time_functions',
    behaviour: "UTC TIME of the statement's start",
    sql: (_a, raw) => `CAST(CAST(${raw.now()} AS TIMESTAMP) AS TIME)`,
  },
  DATE: {
    arity: [1, 3],
    page: date,
    behaviour: '`DATE(year, month, day)` or the UTC date of a TIMESTAMP/DATETIME',
    sql: (args) => {
      if (args.length === 3) return `make_date(${args.join(', ')})`;
      if (args.length === 1) return `CAST(${args[0]} AS DATE)`;
      throw unsupported('DATE with a time zone argument');
    },
  },
  TIMESTAMP_ADD: {
    arity: [2, 2],
    page: ts,
    behaviour: '`INTERVAL n part`',
    sql: (args) => `(${args[0]} + ${args[1]})`,
  },
  TIMESTAMP_SUB: {
    arity: [2, 2],
    page: ts,
    behaviour: '`INTERVAL n part`',
    sql: (args) => `(${args[0]} - ${args[1]})`,
  },
  TIMESTAMP: {
    arity: [1, 1],
    page: ts,
    behaviour: 'a STRING read as UTC, or a DATE at midnight UTC',
    sql: (args) => `CAST(${args[0]} AS TIMESTAMPTZ)`,
  },
  DATE_FROM_UNIX_DATE: {
    arity: [1, 1],
    page: date,
    behaviour: 'days since 1970-01-01',
    sql: (args) => `CAST(DATE '1970-01-01' + CAST(${args[0]} AS INTEGER) AS DATE)`,
  },
  UNIX_DATE: {
    arity: [1, 1],
    page: date,
    behaviour: 'days since 1970-01-01',
    sql: (args) => `date_diff('day', DATE '1970-01-01', CAST(${args[0]} AS DATE))`,
  },
  DATE_ADD: {
    arity: [2, 2],
    page: date,
    behaviour: 'DATE; month ends clamp',
    sql: (args) => `CAST(${args[0]} + ${args[1]} AS DATE)`,
  },
  DATE_SUB: {
    arity: [2, 2],
    page: date,
    behaviour: 'DATE; month ends clamp',
    sql: (args) => `CAST(${args[0]} - ${args[1]} AS DATE)`,
  },
  TIMESTAMP_DIFF: {
    arity: [3, 3],
    page: ts,
    behaviour: 'whole units elapsed, truncated toward zero (DuckDB counts boundaries); MICROSECOND to DAY',
    sql: (args, raw) => {
      const word = raw.word(2);
      if (!word || !(word in unitMicros))
        throw unsupported(`TIMESTAMP_DIFF with date part ${word ?? '(expression)'}`);
      return `((epoch_us(${args[0]}) - epoch_us(${args[1]})) // ${unitMicros[word]})`;
    },
  },
  DATE_DIFF: {
    arity: [3, 3],
    page: date,
    behaviour:
      'DATE (or date STRING) arguments: part boundaries crossed (DAY, ISOWEEK, MONTH, QUARTER, YEAR, ISOYEAR); TIMESTAMP arguments refused',
    sql: (args, raw) => `bq_date_diff('${part(raw, 2, calendarParts, 'DATE_DIFF')}', ${args[0]}, ${args[1]})`,
  },
  DATETIME_DIFF: {
    arity: [3, 3],
    page: 'datetime_functions',
    behaviour:
      'date parts only (DAY, ISOWEEK, MONTH, QUARTER, YEAR, ISOYEAR): boundaries crossed; time parts refused',
    sql: (args, raw) =>
      `bq_date_diff_dates('${part(raw, 2, calendarParts, 'DATETIME_DIFF')}', CAST(${args[0]} AS DATE), CAST(${args[1]} AS DATE))`,
  },
  DATE_TRUNC: {
    arity: [2, 2],
    page: date,
    behaviour:
      'DATE (or date STRING); DAY, ISOWEEK, MONTH, QUARTER, YEAR, ISOYEAR; TIMESTAMP/DATETIME refused',
    sql: (args, raw) => `bq_date_trunc('${part(raw, 1, calendarParts, 'DATE_TRUNC')}', ${args[0]})`,
  },
  TIMESTAMP_TRUNC: {
    arity: [2, 2],
    page: ts,
    behaviour: 'in UTC; MICROSECOND to HOUR, DAY, ISOWEEK, MONTH, QUARTER, YEAR, ISOYEAR',
    sql: (args, raw) =>
      `date_trunc('${part(raw, 1, { ...timeParts, ...calendarParts }, 'TIMESTAMP_TRUNC')}', ${args[0]})`,
  },
  UNIX_SECONDS: {
    arity: [1, 1],
    page: ts,
    behaviour: 'rounds down',
    sql: (args) => `floor(epoch_us(${args[0]}) / 1000000)::BIGINT`,
  },
  UNIX_MILLIS: {
    arity: [1, 1],
    page: ts,
    behaviour: 'rounds down',
    sql: (args) => `floor(epoch_us(${args[0]}) / 1000)::BIGINT`,
  },
  UNIX_MICROS: {
    arity: [1, 1],
    page: ts,
    behaviour: NULL_IN_NULL_OUT,
    sql: (args) => `epoch_us(${args[0]})`,
  },
  TIMESTAMP_SECONDS: {
    arity: [1, 1],
    page: ts,
    behaviour: 'TIMESTAMP',
    sql: (args) => `make_timestamptz(CAST(${args[0]} AS BIGINT) * 1000000)`,
  },
  TIMESTAMP_MILLIS: {
    arity: [1, 1],
    page: ts,
    behaviour: 'TIMESTAMP',
    sql: (args) => `make_timestamptz(CAST(${args[0]} AS BIGINT) * 1000)`,
  },
  TIMESTAMP_MICROS: {
    arity: [1, 1],
    page: ts,
    behaviour: 'TIMESTAMP',
    sql: (args) => `make_timestamptz(CAST(${args[0]} AS BIGINT))`,
  },
  FORMAT_DATE: {
    arity: [2, 2],
    page: date,
    behaviour: 'format elements %Y %m %d %H %M %S %F %T %D %y %b %B %h %a %A %j %p %I (a literal format)',
    sql: (args, raw) => `strftime(CAST(${args[1]} AS DATE), ${formatString(raw, 0, 'FORMAT_DATE')})`,
  },
  FORMAT_TIMESTAMP: {
    arity: [2, 2],
    page: ts,
    behaviour: 'in UTC; format elements as FORMAT_DATE',
    sql: (args, raw) => `strftime(${args[1]}, ${formatString(raw, 0, 'FORMAT_TIMESTAMP')})`,
  },
  PARSE_DATE: {
    arity: [2, 2],
    page: date,
    behaviour: 'the whole string must match; format elements as FORMAT_DATE',
    sql: (args, raw) => `CAST(strptime(${args[1]}, ${formatString(raw, 0, 'PARSE_DATE')}) AS DATE)`,
  },
  PARSE_TIMESTAMP: {
    arity: [2, 2],
    page: ts,
    behaviour: 'read as UTC; format elements as FORMAT_DATE',
    sql: (args, raw) =>
      `CAST(strptime(${args[1]}, ${formatString(raw, 0, 'PARSE_TIMESTAMP')}) AS TIMESTAMPTZ)`,
  },

  // Utility
  GENERATE_UUID: {
    arity: [0, 0],
    page: 'utility-functions',
    behaviour: 'random v4 UUID STRING',
    sql: () => 'CAST(uuid() AS VARCHAR)',
  },
};

/** Functions with syntax of their own, translated by the translator itself. */
export const syntaxFunctions: Record<string, { behaviour: string; page: string }> = {
  CAST: {
    page: 'conversion_functions',
    behaviour: 'failure is an error; FLOAT64 to STRING without a trailing `.0`',
  },
  SAFE_CAST: { page: 'conversion_functions', behaviour: 'NULL on failure' },
  EXTRACT: {
    page: 'date_functions',
    behaviour:
      'YEAR, QUARTER, MONTH, DAY, DAYOFWEEK (1 = Sunday), DAYOFYEAR, ISOWEEK, ISOYEAR, HOUR, MINUTE, SECOND, DATE',
  },
  STRUCT: { page: 'data-types', behaviour: '`STRUCT(x AS name, ...)`, field names from paths' },
  ARRAY: { page: 'array_functions', behaviour: '`ARRAY(subquery)`' },
  UNNEST: {
    page: 'query-syntax',
    behaviour:
      '`UNNEST(a) AS x`, `WITH OFFSET [AS o]`, fields of an unaliased array of STRUCTs as columns, `x IN UNNEST(a)`',
  },
};

/** Operators whose DuckDB meaning differs, and what the translation does. */
export const operatorNotes: [string, string][] = [
  ['`/`', 'FLOAT64 division; division by zero is an error (`IEEE_DIVIDE` gives inf/NaN, `SAFE_DIVIDE` NULL)'],
  ['`||`', 'STRING/BYTES concatenation; NULL if either side is'],
  ['`^`', 'bitwise XOR (DuckDB: power); refused unless both operands are simple terms'],
  ['`arr[OFFSET(i)]`, `arr[ORDINAL(i)]`', 'out of range is an error; `SAFE_OFFSET`/`SAFE_ORDINAL` give NULL'],
  ['`0x1F`', 'hexadecimal INT64 literal'],
];

/**
 * Checks a call's argument count against the table.
 * @throws BigQueryError `invalidQuery` (`not supported by the local emulator: NAME with N arguments ...`).
 */
export function checkArity(name: string, rule: FunctionRule, count: number): void {
  const [min, max] = rule.arity;
  // BigQuery may take forms with more (or fewer) arguments than the emulator does: refused, not rejected.
  if (count < min || count > max)
    throw unsupported(
      `${name} with ${count} argument${count === 1 ? '' : 's'}` +
        (max === Infinity ? ` (at least ${min} here)` : ` (${min === max ? min : `${min} to ${max}`} here)`),
    );
}

/** The README's table of supported functions, generated from the declarations above. */
export function functionTableMarkdown(): string {
  const rows = [
    ...Object.entries(functions).map(([name, rule]) => [name, rule.behaviour, rule.page] as const),
    ...Object.entries(syntaxFunctions).map(([name, rule]) => [name, rule.behaviour, rule.page] as const),
  ].sort((left, right) => left[0].localeCompare(right[0]));
  const lines = [
    '| Function | BigQuery behaviour kept (NULLs, errors, type) | Reference |',
    '| --- | --- | --- |',
  ];
  for (const [name, behaviour, page] of rows)
    lines.push(`| \`${name}\` | ${behaviour} | [${page}](${referenceBase}${page}) |`);
  lines.push('', '| Operator | Behaviour |', '| --- | --- |');
  for (const [op, behaviour] of operatorNotes) lines.push(`| ${op} | ${behaviour} |`);
  return lines.join('\n');
}
