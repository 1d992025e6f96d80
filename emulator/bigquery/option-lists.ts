import type { DuckDBTimestampTZValue, DuckDBType } from '@duckdb/node-api';
import { invalidQuery } from './errors';
import { functions, unsupported } from './functions';
import { isOp, isWord, location, matchingClose, splitTopLevel, type Token } from './tokenizer';
import { googleSqlType } from './values';

/**
 * The `OPTIONS(name = value, ...)` lists of the DDL statements the emulator runs, each as the DDL page gives
 * it (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language): each NAME
 * from its statement's list, at most once, with a VALUE of that NAME's type that is a constant expression
 * of literals, query parameters and scalar functions; a VALUE that is NULL leaves the option unset (and in
 * ALTER ... SET OPTIONS clears it). Only `expiration_timestamp` changes what the emulator does; the other
 * options are checked and then not kept.
 */
const ddlPage = 'https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language';

/** The GoogleSQL types option values take. */
type OptionType =
  'TIMESTAMP' | 'FLOAT64' | 'INT64' | 'BOOL' | 'STRING' | 'INTERVAL' | 'ARRAY<STRUCT<STRING, STRING>>';

/** One statement's option list. */
export interface OptionList {
  /** What the options belong to, for messages: `table`, `view`, `column`, `schema`, `table function`. */
  of: string;
  /** The anchor of the list on the DDL page. */
  anchor: string;
  types: Record<string, OptionType>;
  /** Documented options whose effect the emulator does not model: refused as not supported, not ignored. */
  notEmulated?: string[];
}

const labels = 'ARRAY<STRUCT<STRING, STRING>>';

/** Every option list, declared once; the statements' readers and emulator/README.md name them from here. */
export const optionLists = {
  table: {
    of: 'table',
    anchor: 'table_option_list',
    types: {
      expiration_timestamp: 'TIMESTAMP',
      partition_expiration_days: 'FLOAT64',
      require_partition_filter: 'BOOL',
      kms_key_name: 'STRING',
      friendly_name: 'STRING',
      description: 'STRING',
      labels,
      default_rounding_mode: 'STRING',
      enable_change_history: 'BOOL',
      max_staleness: 'INTERVAL',
      enable_fine_grained_mutations: 'BOOL',
      storage_uri: 'STRING',
      file_format: 'STRING',
      table_format: 'STRING',
      tags: labels,
    },
  },
  view: {
    of: 'view',
    anchor: 'view_option_list',
    types: {
      expiration_timestamp: 'TIMESTAMP',
      friendly_name: 'STRING',
      description: 'STRING',
      labels,
      privacy_policy: 'STRING',
    },
  },
  column: {
    of: 'column',
    anchor: 'column_option_list',
    types: { description: 'STRING', rounding_mode: 'STRING' },
  },
  viewColumn: { of: 'view column', anchor: 'view_column_option_list', types: { description: 'STRING' } },
  schema: {
    of: 'schema',
    anchor: 'schema_option_list',
    types: {
      default_kms_key_name: 'STRING',
      default_partition_expiration_days: 'FLOAT64',
      default_rounding_mode: 'STRING',
      default_table_expiration_days: 'FLOAT64',
      description: 'STRING',
      friendly_name: 'STRING',
      is_case_insensitive: 'BOOL',
      labels,
      location: 'STRING',
      max_time_travel_hours: 'INT64',
      storage_billing_model: 'STRING',
    },
    // Tables of the dataset would expire, and names would resolve case-insensitively.
    notEmulated: ['default_table_expiration_days', 'is_case_insensitive'],
  },
  tableFunction: {
    of: 'table function',
    anchor: 'table_function_option_list',
    types: { description: 'STRING' },
  },
} satisfies Record<string, OptionList>;

/**
 * Whether a value of GoogleSQL type `actual` is one of `wanted`. An INT64 value is taken for FLOAT64 (the
 * page's own example is `partition_expiration_days=7`); nothing else is coerced: not a STRING expression or
 * parameter where a TIMESTAMP is due (only a STRING literal is, see `literalCoercion`), nor an empty `[]`
 * (an ARRAY<INT64> literal) for labels: the stricter readings.
 */
function holds(wanted: OptionType, actual: string): boolean {
  if (wanted === 'FLOAT64') return actual === 'FLOAT64' || actual === 'INT64';
  if (wanted === labels) return /^ARRAY<STRUCT<(?:\w+ )?STRING, (?:\w+ )?STRING>>$/.test(actual);
  return actual === wanted;
}

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

/** What the emulator keeps of an option list. */
export interface OptionValues {
  /** `expiration_timestamp` in epoch ms; `null` when given as NULL; absent when not given. */
  expirationMs?: number | null;
  /** Where `expiration_timestamp` was named, for messages. */
  expirationAt?: string;
}

/**
 * Runs one option VALUE (translated to DuckDB SQL by the caller, with the statement's parameters and
 * clock) and returns its value and DuckDB type.
 */
export type EvaluateOption = (value: Token[]) => Promise<{ value: unknown; type: DuckDBType }>;

/**
 * A STRING literal where a TIMESTAMP is due is read as a TIMESTAMP literal: GoogleSQL coerces a STRING
 * literal to TIMESTAMP (https://cloud.google.com/bigquery/docs/reference/standard-sql/conversion_rules,
 * literal coercion), and the load statements page's own example sets
 * `expiration_timestamp="2025-01-01 00:00:00 UTC"`
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/load-statements). Returns the tokens to
 * evaluate.
 */
function literalCoercion(type: OptionType, value: Token[]): Token[] {
  if (type !== 'TIMESTAMP' || value.length !== 1 || value[0].kind !== 'string') return value;
  return [{ ...value[0], kind: 'ident', text: 'TIMESTAMP', value: 'TIMESTAMP' }, value[0]];
}

/** Every `OPTIONS (` of a DDL head (before its depth-0 AS): the `(` index and its parenthesis depth. */
export function optionClauses(tokens: Token[]): { open: number; depth: number }[] {
  const found: { open: number; depth: number }[] = [];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (isOp(t, '(')) depth++;
    else if (isOp(t, ')')) depth--;
    else if (depth === 0 && isWord(t, 'AS')) break;
    else if (isWord(t, 'OPTIONS') && isOp(tokens[k + 1], '(')) found.push({ open: k + 1, depth });
  }
  return found;
}

/** Throws the page's restrictions on a VALUE: no table, subquery, statement, aggregate, window or excluded function. */
function checkConstant(list: OptionList, name: string, value: Token[]): void {
  for (let i = 0; i < value.length; i++) {
    const t = value[i];
    const where = `in the value of ${list.of} option ${name} at ${location(t)}`;
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
 * Reads and checks `OPTIONS(...)` whose `(` is `tokens[open]` against `list`, evaluating each VALUE with
 * `evaluate`. Nothing is written: a caller applies what it returns only once every check passed.
 * @throws BigQueryError `invalidQuery` naming the option and its line and column: a malformed item, a
 *   name not in the list or repeated, a value that is not constant or not of the option's type; `not
 *   supported by the local emulator` for a documented option in `list.notEmulated`.
 */
export async function readOptions(
  list: OptionList,
  tokens: Token[],
  open: number,
  evaluate: EvaluateOption,
): Promise<OptionValues> {
  const page = `${ddlPage}#${list.anchor}`;
  const close = matchingClose(tokens, open);
  const seen = new Set<string>();
  const options: OptionValues = {};
  for (const [start, end] of splitTopLevel(tokens, open + 1, close)) {
    const nameToken = tokens[start];
    if (!nameToken || nameToken.kind !== 'ident' || !isOp(tokens[start + 1], '=') || end <= start + 2) {
      throw invalidQuery(
        `Syntax error: Expected NAME = VALUE in OPTIONS at ${location(nameToken ?? tokens[open])}`,
      );
    }
    const name = nameToken.value.toLowerCase();
    const type = (list.types as Record<string, OptionType>)[name];
    if (type === undefined)
      throw invalidQuery(
        `Invalid ${list.of} option name: ${nameToken.value} at ${location(nameToken)} (${page})`,
      );
    if (seen.has(name)) throw invalidQuery(`Duplicate option ${name} at ${location(nameToken)}`);
    seen.add(name);
    if (list.notEmulated?.includes(name))
      throw unsupported(`${list.of} option ${name} at ${location(nameToken)}`);
    const value = tokens.slice(start + 2, end);
    checkConstant(list, name, value);
    const coerced = literalCoercion(type, value);
    const result = await evaluate(coerced).catch((error: unknown) => {
      if (coerced === value) throw error;
      throw invalidQuery(
        `Could not cast literal ${value[0].text} to type TIMESTAMP for ${list.of} option ${name} at ${location(value[0])}`,
      );
    });
    if (result.value === null) {
      if (name === 'expiration_timestamp') options.expirationMs = null;
      continue;
    }
    const actual = googleSqlType(result.type);
    if (!holds(type, actual)) {
      throw invalidQuery(
        `${list.of[0].toUpperCase()}${list.of.slice(1)} option ${name} must be ${type} at ${location(nameToken)}, not ${actual} (${page})`,
      );
    }
    if (name === 'expiration_timestamp') {
      options.expirationMs = Number((result.value as DuckDBTimestampTZValue).micros / 1000n);
      options.expirationAt = location(nameToken);
    }
  }
  return options;
}

/**
 * Refuses an expiration at or before `now` (epoch ms, the statement's instant) on a table or view about to
 * be made or changed: the stricter reading where the page is silent (BigQuery would keep an object that is
 * gone at once).
 */
export function requireFuture(options: OptionValues, now: number): void {
  const ms = options.expirationMs;
  if (typeof ms === 'number' && ms <= now) {
    throw invalidQuery(
      `Option expiration_timestamp at ${options.expirationAt} is not in the future: ${new Date(ms).toISOString()}`,
    );
  }
}
