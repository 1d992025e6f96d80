import fs from 'node:fs';
import path from 'node:path';
import { Cursor } from './cursor';
import { invalidQuery, notFound, BigQueryError } from './errors';
import { isOp, isWord, location, matchingClose, splitTopLevel, tokenize, type Token } from './tokenizer';
import { scalarTypes } from './translate';
import { displayTable, tableName, type TableRef, type Warehouse } from './warehouse';

/**
 * Table functions (TVFs) with TABLE parameters, as BigQuery documents them
 * (https://cloud.google.com/bigquery/docs/table-functions#table_parameters; DDL:
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#create_table_function_statement):
 * `CREATE [OR REPLACE] TABLE FUNCTION [IF NOT EXISTS] path(p TABLE<col TYPE, ...>, ...) AS (query)`, called as
 * `FROM path(TABLE t, ...)`. A call is inlined: the body replaces it, each table parameter read
 * `FROM p` reading the argument's rows, which may have more columns than declared, in any order. Scalar
 * parameters, `RETURNS TABLE` and `LANGUAGE` bodies are refused rather than approximated.
 */

export interface TableParameter {
  name: string;
  columns: { name: string; type: string }[];
}

export interface TableFunctionRecord {
  ref: TableRef;
  params: TableParameter[];
  /** The body query's tokens, as source text. */
  body: string;
}

const key = (ref: TableRef) => `${ref.projectId}.${ref.datasetId}.${ref.tableId}`;

/** Table functions by `project.dataset.name`, kept as JSON files beside the models. */
export class RoutineCatalog {
  private readonly routines = new Map<string, TableFunctionRecord>();

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const record = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as TableFunctionRecord;
      this.routines.set(key(record.ref), record);
    }
  }

  /** The table function's record; undefined when there is none. */
  get(ref: TableRef): TableFunctionRecord | undefined {
    return this.routines.get(key(ref));
  }

  /** Adds or replaces a table function, in memory and on disk (written atomically). */
  put(record: TableFunctionRecord): void {
    this.routines.set(key(record.ref), record);
    const file = path.join(this.dir, `${key(record.ref)}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(record));
    fs.renameSync(`${file}.tmp`, file);
  }

  /** Removes a table function; false when there was none. */
  delete(ref: TableRef): boolean {
    const existed = this.routines.delete(key(ref));
    fs.rmSync(path.join(this.dir, `${key(ref)}.json`), { force: true });
    return existed;
  }
}

export interface CreateTableFunction {
  record: TableFunctionRecord;
  orReplace: boolean;
  ifNotExists: boolean;
  /** The `(` of its `OPTIONS(...)` (table_function_option_list), or -1. */
  optionsAt: number;
}

/**
 * Parses `CREATE [OR REPLACE] TABLE FUNCTION ...`.
 * @throws BigQueryError `invalidQuery` for a syntax error, a TEMP table function, or a parameter that is not
 *   `TABLE<column scalar_type, ...>` (`not supported by the local emulator`).
 */
export function parseCreateTableFunction(tokens: Token[], warehouse: Warehouse): CreateTableFunction {
  const c = new Cursor(tokens);
  c.expectWord('CREATE');
  const orReplace = c.acceptWord('OR');
  if (orReplace) c.expectWord('REPLACE');
  if (c.acceptWord('TEMP', 'TEMPORARY'))
    throw invalidQuery('CREATE TEMP TABLE FUNCTION is not supported by the local emulator');
  c.expectWord('TABLE');
  c.expectWord('FUNCTION');
  const ifNotExists = c.acceptWord('IF');
  if (ifNotExists) {
    if (orReplace) throw invalidQuery('Syntax error: OR REPLACE and IF NOT EXISTS cannot both be given');
    c.expectWord('NOT');
    c.expectWord('EXISTS');
  }
  const { parts, at } = c.path('a function name');
  const ref = warehouse.tableRef(parts, at);
  c.expectOp('(');
  const params: TableParameter[] = [];
  while (!c.acceptOp(')')) {
    const name = c.path('a parameter name');
    if (name.parts.length !== 1)
      throw invalidQuery(`Syntax error: Expected a parameter name at ${location(name.at)}`);
    if (!c.acceptWord('TABLE'))
      throw invalidQuery(
        `table function parameter ${name.parts[0]}: not supported by the local emulator (only TABLE<...> parameters are)`,
      );
    c.expectOp('<');
    const columns: TableParameter['columns'] = [];
    for (;;) {
      const column = c.path('a column name');
      const typeToken = c.peek();
      const type = typeToken === undefined ? undefined : scalarTypes[typeToken.value.toUpperCase()];
      if (type === undefined || typeToken === undefined)
        throw invalidQuery(
          `table parameter ${name.parts[0]}.${column.parts[0]}: ${typeToken?.text ?? 'no type'} is not supported by the local emulator (scalar types only)`,
        );
      c.acceptWord(typeToken.value);
      columns.push({ name: column.parts[0], type: typeToken.value.toUpperCase() });
      if (!c.acceptOp(',')) break;
    }
    c.expectOp('>');
    params.push({ name: name.parts[0], columns });
    if (!c.acceptOp(',')) {
      c.expectOp(')');
      break;
    }
  }
  if (isWord(c.peek(), 'RETURNS', 'LANGUAGE'))
    throw invalidQuery(`CREATE TABLE FUNCTION ... ${c.peek()!.text}: not supported by the local emulator`);
  let optionsAt = -1;
  if (c.acceptWord('OPTIONS') && isOp(c.peek(), '(')) {
    optionsAt = c.index;
    c.index = matchingClose(tokens, optionsAt) + 1;
  }
  c.expectWord('AS');
  let body = c.rest();
  if (body.length > 0 && isOp(body[0], '(') && matchingClose(body, 0) === body.length - 1)
    body = body.slice(1, -1);
  if (body.length === 0) throw invalidQuery('Syntax error: CREATE TABLE FUNCTION needs a query after AS');
  return {
    record: { ref, params, body: body.map((t) => t.text).join(' ') },
    orReplace,
    ifNotExists,
    optionsAt,
  };
}

/** The columns a table has, lower-cased. */
async function columnsOf(warehouse: Warehouse, ref: TableRef): Promise<Set<string>> {
  if (!(await warehouse.tableExists(ref))) throw notFound(`Not found: Table ${displayTable(ref)}`);
  const reader = await warehouse.connection.runAndReadAll(`SELECT * FROM ${tableName(ref)} LIMIT 0`);
  return new Set(reader.columnNames().map((n) => n.toLowerCase()));
}

/**
 * The body's tokens with each `FROM p` / `JOIN p` of a table parameter replaced by `source(p) AS p`, where
 * `source` renders what the parameter reads (an argument table, or for validation an empty typed table).
 */
function bodyWith(record: TableFunctionRecord, source: (param: TableParameter) => string): Token[] {
  const tokens = tokenize(record.body);
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    const param = record.params.find(
      (p) => t.kind === 'ident' && p.name.toLowerCase() === t.value.toLowerCase(),
    );
    if (param !== undefined && i > 0 && isWord(tokens[i - 1], 'FROM', 'JOIN')) {
      out.push(...tokenize(`(${source(param)}) AS ${param.name}`));
    } else out.push(t);
  });
  return out;
}

/** An empty table with the declared columns, for checking a body when the function is created. */
export function emptyArgumentsBody(record: TableFunctionRecord): Token[] {
  return bodyWith(
    record,
    (p) => `SELECT ${p.columns.map((c) => `CAST(NULL AS ${c.type}) AS ${c.name}`).join(', ')} LIMIT 0`,
  );
}

/**
 * Replaces every call of a stored table function in `tokens` by its body, reading the TABLE arguments.
 * An argument table must exist and hold every declared column (more are allowed).
 * https://cloud.google.com/bigquery/docs/table-functions
 * @throws BigQueryError `notFound` for an unknown table function; `invalidQuery` for a wrong argument count,
 *   an argument that is not `TABLE name`, or an argument table missing a declared column.
 */
export async function inlineTableFunctions(
  tokens: Token[],
  warehouse: Warehouse,
  routines: RoutineCatalog,
): Promise<Token[]> {
  let out = tokens;
  for (let k = 0; k < out.length; k++) {
    const t = out[k];
    if ((t.kind !== 'ident' && t.kind !== 'quoted') || isOp(out[k - 1], '.')) continue;
    // A table function is called where a table is read: after FROM or JOIN (`INSERT INTO t (a, b)` is not a call).
    if (!isWord(out[k - 1], 'FROM', 'JOIN')) continue;
    // A dotted path, then `(`.
    let end = k;
    const parts = t.kind === 'quoted' ? t.value.split('.') : [t.value];
    while (isOp(out[end + 1], '.') && (out[end + 2]?.kind === 'ident' || out[end + 2]?.kind === 'quoted')) {
      const next = out[end + 2];
      parts.push(...(next.kind === 'quoted' ? next.value.split('.') : [next.value]));
      end += 2;
    }
    if (parts.length < 2 || parts.length > 3 || !isOp(out[end + 1], '(')) continue;
    const ref = warehouse.tableRef(parts, t);
    const record = routines.get(ref);
    if (record === undefined) {
      if (isWord(out[end + 2], 'TABLE'))
        throw notFound(`Table-valued function not found: ${parts.join('.')} at ${location(t)}`);
      continue;
    }
    const open = end + 1;
    const close = matchingClose(out, open);
    const args = splitTopLevel(out, open + 1, close);
    if (args.length !== record.params.length)
      throw invalidQuery(
        `Table function ${parts.join('.')} takes ${record.params.length} arguments, got ${args.length} at ${location(t)}`,
      );
    const tables = new Map<string, TableRef>();
    for (const [i, [s, e]] of args.entries()) {
      const param = record.params[i];
      if (!isWord(out[s], 'TABLE'))
        throw invalidQuery(
          `Table function ${parts.join('.')}: argument ${param.name} must be TABLE name at ${location(out[s])}`,
        );
      const argParts: string[] = [];
      for (let j = s + 1; j < e; j++) {
        if (isOp(out[j], '.')) continue;
        argParts.push(...(out[j].kind === 'quoted' ? out[j].value.split('.') : [out[j].value]));
      }
      const argRef = warehouse.tableRef(argParts, out[s + 1]);
      const have = await columnsOf(warehouse, argRef);
      const missing = param.columns.filter((c) => !have.has(c.name.toLowerCase())).map((c) => c.name);
      if (missing.length > 0)
        throw new BigQueryError(
          'invalidQuery',
          `Table ${displayTable(argRef)} passed as ${param.name} to ${parts.join('.')} has no column ${missing.join(', ')}`,
        );
      tables.set(param.name, argRef);
    }
    const body = bodyWith(record, (p) => {
      const ref = tables.get(p.name)!;
      const columns = p.columns.map((c) => `CAST(${c.name} AS ${c.type}) AS ${c.name}`).join(', ');
      return `SELECT ${columns} FROM \`${ref.projectId}.${ref.datasetId}.${ref.tableId}\``;
    });
    const replacement = [...tokenize('('), ...body, ...tokenize(')')];
    out = [...out.slice(0, k), ...replacement, ...out.slice(close + 1)];
    k += replacement.length - 1;
  }
  return out;
}
