import { createHash } from 'node:crypto';
import * as vm from 'node:vm';
import type { DuckDBListValue, DuckDBStructValue } from '@duckdb/node-api';
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBScalarFunction,
  LIST,
  STRUCT,
  VARCHAR,
  listValue,
  structValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { Cursor } from './cursor';
import { invalidQuery } from './errors';
import { functions, syntaxFunctions } from './functions';
import { isOp, isWord, location, type Token } from './tokenizer';

/**
 * Temporary JavaScript UDFs, as https://cloud.google.com/bigquery/docs/user-defined-functions#javascript-udfs
 * and the CREATE FUNCTION statement
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#create_function_statement)
 * describe them:
 *   CREATE [OR REPLACE] {TEMP|TEMPORARY} FUNCTION [IF NOT EXISTS] name(arg TYPE, ...) RETURNS TYPE
 *     [DETERMINISTIC|NOT DETERMINISTIC] LANGUAGE js AS "body" | r"""body""" | '''body''' ...
 * A function lives for the script that declares it. Its body runs in a Node `vm` context of its own (the
 * JavaScript built-ins only: no `require`, `process`, timers or I/O), registered with DuckDB as a scalar
 * function that also receives NULLs, as a JavaScript UDF receives `null`.
 * Values cross with the page's "Supported JavaScript UDF data types": STRING, FLOAT64 (Number), BOOL,
 * ARRAY and STRUCT (an object with a property per field); INT64 only as the return type (a Number or a
 * String of an integer). Types the page maps to Dates, base64 strings or numeric strings are refused rather
 * than approximated; see emulator/README.md for the readings taken where the page is silent.
 */

export type UdfType =
  | { kind: 'STRING' | 'FLOAT64' | 'BOOL' | 'INT64' }
  | { kind: 'ARRAY'; element: UdfType }
  | { kind: 'STRUCT'; fields: { name: string; type: UdfType }[] };

export interface JsUdfDefinition {
  name: string;
  params: { name: string; type: UdfType }[];
  returns: UdfType;
  body: string;
  deterministic: boolean;
  orReplace: boolean;
  ifNotExists: boolean;
}

/**
 * Calls run in batches of `jsUdfBatchCalls`, and a batch that takes longer than `jsUdfBatchTimeoutMs` (wall
 * time, as Node's vm measures it) fails the query, so a runaway body cannot hang a run. The limit is
 * generous because wall time stretches on a busy machine; the batch is small because each timed batch costs
 * a watchdog (about 0.2 ms).
 */
export const jsUdfBatchCalls = 16;
export const jsUdfBatchTimeoutMs = 60_000;

const refusedTypes = ['BYTES', 'NUMERIC', 'BIGNUMERIC', 'DATE', 'TIMESTAMP', 'DATETIME', 'TIME', 'JSON'];

const showType = (udfType: UdfType): string =>
  udfType.kind === 'ARRAY'
    ? `ARRAY<${showType(udfType.element)}>`
    : udfType.kind === 'STRUCT'
      ? `STRUCT<${udfType.fields.map((f) => `${f.name} ${showType(f.type)}`).join(', ')}>`
      : udfType.kind;

function parseType(cursor: Cursor, what: string): UdfType {
  const t = cursor.peek();
  const word = t?.kind === 'ident' ? t.value.toUpperCase() : '';
  const aliases: Record<string, 'STRING' | 'FLOAT64' | 'BOOL' | 'INT64'> = {
    STRING: 'STRING',
    FLOAT64: 'FLOAT64',
    BOOL: 'BOOL',
    BOOLEAN: 'BOOL',
    INT64: 'INT64',
    INTEGER: 'INT64',
  };
  if (word in aliases) {
    cursor.acceptWord(word);
    return { kind: aliases[word] };
  }
  if (word === 'ARRAY' || word === 'STRUCT') {
    cursor.acceptWord(word);
    cursor.expectOp('<');
    let type: UdfType;
    if (word === 'ARRAY') type = { kind: 'ARRAY', element: parseType(cursor, what) };
    else {
      const fields: { name: string; type: UdfType }[] = [];
      do {
        const name = cursor.path('a STRUCT field name');
        fields.push({ name: name.parts.join('.'), type: parseType(cursor, what) });
      } while (cursor.acceptOp(','));
      type = { kind: 'STRUCT', fields };
    }
    // `ARRAY<STRUCT<a STRING>>` ends in one `>>` token.
    if (isOp(cursor.peek(), '>>')) {
      const tok = cursor.peek()!;
      cursor.tokens[cursor.tokens.indexOf(tok)] = { ...tok, text: '>', value: '>' };
    } else cursor.expectOp('>');
    return type;
  }
  if (refusedTypes.includes(word))
    throw invalidQuery(
      `${what}: ${word} is not supported by the local emulator in a JavaScript UDF (STRING, FLOAT64, BOOL, ARRAY, STRUCT, and INT64 as the return type, are)`,
    );
  throw invalidQuery(`Syntax error: Expected a type for ${what} but got ${cursor.describe()}`);
}

function hasInt64(udfType: UdfType): boolean {
  return (
    udfType.kind === 'INT64' ||
    (udfType.kind === 'ARRAY' && hasInt64(udfType.element)) ||
    (udfType.kind === 'STRUCT' && udfType.fields.some((f) => hasInt64(f.type)))
  );
}

/** Whether a statement declares a function (`CREATE [OR REPLACE] [TEMP] FUNCTION`), not a table function. */
export function isCreateFunction(tokens: Token[]): boolean {
  const c = new Cursor(tokens);
  if (!c.acceptWord('CREATE')) return false;
  if (c.acceptWord('OR')) c.acceptWord('REPLACE');
  c.acceptWord('TEMP', 'TEMPORARY');
  return isWord(c.peek(), 'FUNCTION');
}

/**
 * Parses a CREATE FUNCTION statement; only the temporary JavaScript form is accepted.
 * @throws BigQueryError `invalidQuery` for a syntax error or any other form of CREATE FUNCTION.
 */
export function parseCreateJsFunction(tokens: Token[]): JsUdfDefinition {
  const c = new Cursor(tokens);
  c.expectWord('CREATE');
  const orReplace = c.acceptWord('OR');
  if (orReplace) c.expectWord('REPLACE');
  if (!c.acceptWord('TEMP', 'TEMPORARY'))
    throw invalidQuery(
      'CREATE FUNCTION without TEMP (a persistent UDF) is not supported by the local emulator; declare a CREATE TEMP FUNCTION in the script instead',
    );
  c.expectWord('FUNCTION');
  const ifNotExists = c.acceptWord('IF');
  if (ifNotExists) {
    if (orReplace) throw invalidQuery('Syntax error: OR REPLACE and IF NOT EXISTS cannot both be given');
    c.expectWord('NOT');
    c.expectWord('EXISTS');
  }
  const { parts, at } = c.path('a function name');
  // "When creating a temporary UDF, function_name cannot contain periods."
  if (parts.length !== 1 || parts[0].includes('.'))
    throw invalidQuery(
      `Temporary function name ${parts.join('.')} cannot contain periods at ${location(at)}`,
    );
  const name = parts[0];
  // The page is silent on a temporary function named like a built-in; the emulator refuses it (the
  // stricter reading) rather than route the built-in's calls to JavaScript.
  if (Object.hasOwn(functions, name.toUpperCase()) || Object.hasOwn(syntaxFunctions, name.toUpperCase()))
    throw invalidQuery(
      `Function ${name} has the name of a built-in function; the local emulator does not let a temporary function shadow it`,
    );
  c.expectOp('(');
  const params: JsUdfDefinition['params'] = [];
  while (!c.acceptOp(')')) {
    const param = c.peek();
    if (!param || param.kind !== 'ident')
      throw invalidQuery(`Syntax error: Expected a parameter name but got ${c.describe()}`);
    c.index++;
    const type = parseType(c, `function ${name} argument ${param.value}`);
    // The page: "INT64 is unsupported as an input type for JavaScript UDFs."
    if (hasInt64(type))
      throw invalidQuery(
        `function ${name} argument ${param.value}: INT64 is unsupported as an input type for JavaScript UDFs; use FLOAT64 or STRING`,
      );
    params.push({ name: param.value, type });
    if (!c.acceptOp(',')) {
      c.expectOp(')');
      break;
    }
  }
  // The emulator requires RETURNS (the stricter reading: the type cannot be inferred from JavaScript).
  if (!c.acceptWord('RETURNS'))
    throw invalidQuery(`function ${name}: a JavaScript UDF needs RETURNS type (got ${c.describe()})`);
  const returns = parseType(c, `function ${name} RETURNS`);
  let deterministic = true;
  if (c.acceptWord('NOT')) {
    c.expectWord('DETERMINISTIC');
    deterministic = false;
  } else c.acceptWord('DETERMINISTIC');
  if (!c.acceptWord('LANGUAGE')) {
    throw invalidQuery(
      isWord(c.peek(), 'AS')
        ? `function ${name}: SQL UDFs are not supported by the local emulator (only LANGUAGE js)`
        : `Syntax error: Expected LANGUAGE js but got ${c.describe()}`,
    );
  }
  const language = c.peek();
  if (!isWord(language, 'JS'))
    throw invalidQuery(
      `function ${name}: LANGUAGE ${language?.text ?? ''} is not supported by the local emulator (only js)`,
    );
  c.index++;
  if (isWord(c.peek(), 'OPTIONS'))
    throw invalidQuery(
      `function ${name}: OPTIONS (library = ...) is not supported by the local emulator (no Cloud Storage libraries)`,
    );
  c.expectWord('AS');
  const body = c.peek();
  if (!body || body.kind !== 'string')
    throw invalidQuery(
      `Syntax error: function ${name} needs its JavaScript code as a string literal after AS`,
    );
  c.index++;
  if (!c.atEnd()) throw invalidQuery(`Syntax error: Unexpected ${c.describe()} after the body of ${name}`);
  return { name, params, returns, body: body.value, deterministic, orReplace, ifNotExists };
}

const duckdbType = (udfType: UdfType): DuckDBType => {
  switch (udfType.kind) {
    case 'STRING':
      return VARCHAR;
    case 'FLOAT64':
      return DOUBLE;
    case 'BOOL':
      return BOOLEAN;
    case 'INT64':
      return BIGINT;
    case 'ARRAY':
      return LIST(duckdbType(udfType.element));
    case 'STRUCT':
      return STRUCT(Object.fromEntries(udfType.fields.map((f) => [f.name, duckdbType(f.type)])));
  }
};

/** A DuckDB argument value as the JavaScript value the page says the UDF receives. */
function toJs(value: DuckDBValue, type: UdfType): unknown {
  if (value === null) return null;
  if (type.kind === 'ARRAY') return (value as DuckDBListValue).items.map((v) => toJs(v, type.element));
  if (type.kind === 'STRUCT') {
    const entries = (value as DuckDBStructValue).entries;
    return Object.fromEntries(type.fields.map((f) => [f.name, toJs(entries[f.name] ?? null, f.type)]));
  }
  return value;
}

class ReturnError extends Error {}

const describe = (value: unknown): string =>
  Array.isArray(value)
    ? 'an array'
    : value === null
      ? 'null'
      : typeof value === 'string'
        ? `the string ${JSON.stringify(value.slice(0, 40))}`
        : `${typeof value} ${String(value).slice(0, 40)}`;

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** A returned JavaScript value as the DuckDB value of the declared type; anything else is an error. */
function fromJs(value: unknown, type: UdfType, where: string): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Unsupported) throw new ReturnError(`${where}: returned ${value.what}`);
  const wrong = (): ReturnError =>
    new ReturnError(`${where}: returned ${describe(value)} for ${showType(type)}`);
  switch (type.kind) {
    case 'STRING':
      if (typeof value !== 'string') throw wrong();
      return value;
    case 'FLOAT64':
      if (typeof value !== 'number') throw wrong();
      return value;
    case 'BOOL':
      if (typeof value !== 'boolean') throw wrong();
      return value;
    case 'INT64': {
      // "the JavaScript function body can return either a JavaScript Number or a String"; a fraction, or
      // text that is not an integer, is refused (the stricter reading).
      let n: bigint;
      if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value);
      else if (typeof value === 'string' && /^[+-]?[0-9]+$/.test(value.trim())) n = BigInt(value.trim());
      else throw wrong();
      if (n < int64Min || n > int64Max)
        throw new ReturnError(`${where}: ${String(value)} is out of range for INT64`);
      return n;
    }
    case 'ARRAY': {
      if (!Array.isArray(value)) throw wrong();
      return listValue(
        value.map((v: unknown, i) => {
          if (v === null || v === undefined)
            throw new ReturnError(`${where}: Array cannot have a null element (index ${i})`);
          return fromJs(v, type.element, `${where}[${i}]`);
        }),
      );
    }
    case 'STRUCT': {
      if (typeof value !== 'object' || Array.isArray(value)) throw wrong();
      const record = value as Record<string, unknown>;
      const names = new Set(type.fields.map((f) => f.name));
      const stray = Object.keys(record).find((k) => !names.has(k));
      if (stray !== undefined)
        throw new ReturnError(`${where}: returned a property ${stray} that ${showType(type)} does not have`);
      return structValue(
        Object.fromEntries(
          type.fields.map((f) => [f.name, fromJs(record[f.name], f.type, `${where}.${f.name}`)]),
        ),
      );
    }
  }
}

const errorMessage = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);

/**
 * Values cross the sandbox boundary as JSON text only, so the body never holds a host object (whose
 * `constructor.constructor` is the host's Function) and the host never touches an object of the body's
 * (whose getters, proxies or `then` would run outside the time limit). A non-finite or negative-zero Number
 * travels as `{"\u0000": "NaN"}`; a returned value JSON cannot carry (a function, Date, Map, Promise, ...)
 * as `{"\u0001": what}`, which `fromJs` refuses. STRUCT field names are identifiers, so neither key clashes.
 */
const numberTag = '\u0000';
const unsupportedTag = '\u0001';

/** A returned value that JSON cannot carry: `fromJs` refuses it, naming `what`. */
class Unsupported {
  constructor(readonly what: string) {}
}

const encodeNumber = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))
    ? { [numberTag]: Object.is(value, -0) ? '-0' : String(value) }
    : value;

const decodeReturned = (_key: string, value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const tags = value as Record<string, unknown>;
  if (typeof tags[numberTag] === 'string') return tags[numberTag] === '-0' ? -0 : Number(tags[numberTag]);
  if (typeof tags[unsupportedTag] === 'string') return new Unsupported(tags[unsupportedTag]);
  return value;
};

/**
 * The code that runs inside the sandbox around the body, compiled before any of the body runs so the
 * intrinsics it captures are the originals. It is strict, so the body cannot read its live arguments
 * through `arguments.callee.caller`. It answers one string: "1" + the JSON of the results, or "0" + the
 * message of what a call threw.
 */
const sandboxRunner = `(function () {
  'use strict';
  const parse = JSON.parse, stringify = JSON.stringify, isArray = Array.isArray, getProto = Object.getPrototypeOf;
  const objectProto = Object.prototype, String_ = String, isFinite_ = Number.isFinite, is = Object.is;
  const N = ${JSON.stringify(numberTag)}, U = ${JSON.stringify(unsupportedTag)};
  const revive = (k, v) => (v !== null && typeof v === 'object' && !isArray(v) && typeof v[N] === 'string'
    ? (v[N] === '-0' ? -0 : +v[N]) : v);
  function replace(k, v) {
    const raw = this[k];
    if (typeof raw === 'number') return isFinite_(raw) && !is(raw, -0) ? raw : { [N]: is(raw, -0) ? '-0' : String_(raw) };
    if (typeof raw === 'function' || typeof raw === 'symbol' || typeof raw === 'bigint') return { [U]: typeof raw };
    if (raw !== null && typeof raw === 'object' && !isArray(raw)) {
      if (typeof raw.then === 'function') return { [U]: 'a Promise, which the local emulator does not wait for' };
      const proto = getProto(raw);
      if (proto !== objectProto && proto !== null) return { [U]: 'an object that is not a plain object' };
    }
    return v;
  }
  return function (fn, rowsJson) {
    try {
      const rows = parse(rowsJson, revive);
      const out = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = fn.apply(undefined, rows[i]);
      return '1' + stringify(out, replace);
    } catch (error) {
      return '0' + String_(error !== null && typeof error === 'object' && 'message' in error ? error.message : error);
    }
  };
})()`;

/**
 * Compiles a UDF body in a context of its own as `(function (args) { body })`; a syntax error is an
 * invalidQuery naming the function. `run` calls it once per row (arguments already JavaScript values:
 * null, string, number, boolean, arrays and plain objects) and returns what each call returned, as host
 * values of the same kinds (or `Unsupported`); a thrown exception, or a batch of calls slower than
 * `timeoutMs`, is an Error naming the function.
 */
export function compileJsUdf(
  definition: Pick<JsUdfDefinition, 'name' | 'params' | 'body'>,
  timeoutMs = jsUdfBatchTimeoutMs,
): { run: (rows: unknown[][]) => unknown[] } {
  // A null-prototype sandbox: a context made from `{}` answers `this.constructor` with the host's Object.
  // Not microtaskMode 'afterEvaluate': a timeout that fires inside a promise callback then aborts Node
  // when async hooks are on (https://github.com/nodejs/node/issues/38503), so callbacks a body queues
  // still run on the host's queue (emulator/README.md lists it as a known gap).
  const context = vm.createContext(Object.create(null) as object);
  const runner = new vm.Script(sandboxRunner).runInContext(context) as unknown;
  let fn: unknown;
  try {
    fn = new vm.Script(
      `(function (${definition.params.map((p) => p.name).join(', ')}) {\n${definition.body}\n})`,
      { filename: definition.name },
    ).runInContext(context);
  } catch (error) {
    throw invalidQuery(`JavaScript UDF ${definition.name}: ${errorMessage(error)}`);
  }
  // The names a batch passes in are sandbox values or a string, so the body may see them harmlessly.
  const call = new vm.Script('(function (run, fn, rows) { return run(fn, rows); })(__run, __fn, __rows)');
  return {
    run(rows) {
      const out: unknown[] = [];
      for (let start = 0; start < rows.length; start += jsUdfBatchCalls) {
        const batch = rows.slice(start, start + jsUdfBatchCalls);
        Object.assign(context, { __run: runner, __fn: fn, __rows: JSON.stringify(batch, encodeNumber) });
        let answer: unknown;
        try {
          answer = call.runInContext(context, { timeout: timeoutMs });
        } catch (error) {
          const message = errorMessage(error);
          throw new ReturnError(
            /timed out/.test(message)
              ? `JavaScript UDF ${definition.name} timed out: ${batch.length} calls took more than ${timeoutMs} ms`
              : `JavaScript UDF ${definition.name} threw: ${message}`,
          );
        } finally {
          for (const name of ['__run', '__fn', '__rows']) Reflect.deleteProperty(context, name);
        }
        if (typeof answer !== 'string' || answer[0] !== '1')
          throw new ReturnError(
            `JavaScript UDF ${definition.name} threw: ${typeof answer === 'string' ? answer.slice(1) : 'no answer'}`,
          );
        out.push(...(JSON.parse(answer.slice(1), decodeReturned) as unknown[]));
      }
      return out;
    },
  };
}

/**
 * The JavaScript UDFs registered with one DuckDB database. The same declaration (name, types, body) maps to
 * the same DuckDB function, so a pipeline that declares its UDF in every run registers it once; a script
 * sees only the functions it declared (`ScriptFunctions`).
 */
export class JsUdfRegistry {
  private readonly registered = new Set<string>();

  constructor(private readonly connection: DuckDBConnection) {}

  /** Registers the function if needed; returns the DuckDB name calls are rewritten to. */
  register(definition: JsUdfDefinition): string {
    const key = createHash('sha256')
      .update(
        JSON.stringify([
          definition.name,
          definition.params,
          definition.returns,
          definition.body,
          definition.deterministic,
        ]),
      )
      .digest('hex')
      .slice(0, 24);
    const duckdbName = `bq_js_${key}`;
    if (this.registered.has(duckdbName)) return duckdbName;
    const compiled = compileJsUdf(definition);
    const signature = `${definition.name}(${definition.params.map((p) => showType(p.type)).join(', ')})`;
    this.connection.registerScalarFunction(
      DuckDBScalarFunction.create({
        name: duckdbName,
        returnType: duckdbType(definition.returns),
        parameterTypes: definition.params.map((p) => duckdbType(p.type)),
        // A JavaScript UDF is called with `null` for a NULL argument and may return a value for it.
        specialHandling: true,
        volatile: !definition.deterministic,
        mainFunction: (info, input, output) => {
          try {
            const columns = definition.params.map((_, i) => input.getColumnVector(i));
            const rows: unknown[][] = [];
            for (let row = 0; row < input.rowCount; row++)
              rows.push(columns.map((c, i) => toJs(c.getItem(row), definition.params[i].type)));
            const results = compiled.run(rows);
            results.forEach((value, row) =>
              output.setItem(row, fromJs(value, definition.returns, `JavaScript UDF ${signature}`)),
            );
            output.flush();
          } catch (error) {
            info.setError(errorMessage(error));
          }
        },
      }),
    );
    this.registered.add(duckdbName);
    return duckdbName;
  }
}

/** The temporary functions one script has declared so far, by lower-cased name (names are case-insensitive). */
export class ScriptFunctions {
  private readonly names = new Map<string, string>();

  constructor(private readonly registry: JsUdfRegistry) {}

  /**
   * CREATE TEMP FUNCTION: checks OR REPLACE / IF NOT EXISTS against what the script already declared.
   * @throws BigQueryError `invalidQuery` for a name the script already declared without either.
   */
  declare(definition: JsUdfDefinition): 'CREATE' | 'REPLACE' | 'SKIP' {
    const key = definition.name.toLowerCase();
    const exists = this.names.has(key);
    if (exists && definition.ifNotExists) return 'SKIP';
    if (exists && !definition.orReplace)
      throw invalidQuery(`Function ${definition.name} already exists in this script`);
    this.names.set(key, this.registry.register(definition));
    return exists ? 'REPLACE' : 'CREATE';
  }

  /** The statement with each call `name(` of a declared function renamed to its DuckDB function. */
  rewrite(tokens: Token[]): Token[] {
    if (this.names.size === 0) return tokens;
    return tokens.map((t, i) => {
      const target =
        t.kind === 'ident' || t.kind === 'quoted' ? this.names.get(t.value.toLowerCase()) : undefined;
      if (target === undefined || !isOp(tokens[i + 1], '(') || isOp(tokens[i - 1], '.')) return t;
      return { ...t, kind: 'raw', text: target, value: target };
    });
  }
}
