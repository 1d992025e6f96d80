import { invalidQuery } from './errors';
import { isOp, isWord, location, matchingClose, splitTopLevel, type Token } from './tokenizer';

/**
 * Translates GoogleSQL tokens to DuckDB SQL text. It works on the token stream (never on the raw text):
 * identifiers, literals and parameters are re-emitted in DuckDB's syntax, table paths are resolved to
 * schemas, and the functions whose name or semantics differ are rewritten from their parsed arguments.
 */
export interface TableResolver {
  /** DuckDB name for a `project.dataset.table` or `dataset.table` path. */
  (parts: string[], at: Token): string;
}

/** GoogleSQL scalar types and the DuckDB types that store them. */
export const scalarTypes: Record<string, string> = {
  STRING: 'VARCHAR',
  INT64: 'BIGINT',
  INTEGER: 'BIGINT',
  FLOAT64: 'DOUBLE',
  BOOL: 'BOOLEAN',
  BOOLEAN: 'BOOLEAN',
  BYTES: 'BLOB',
  NUMERIC: 'DECIMAL(38, 9)',
  BIGNUMERIC: 'DOUBLE',
  TIMESTAMP: 'TIMESTAMPTZ',
  DATETIME: 'TIMESTAMP',
  DATE: 'DATE',
  JSON: 'JSON',
};

/** Functions that only change name. */
const renamed: Record<string, string> = {
  SAFE_DIVIDE: 'bq_safe_divide',
  SHA256: 'bq_sha256',
  TO_HEX: 'bq_to_hex',
  REGEXP_CONTAINS: 'regexp_matches',
  PARSE_JSON: 'json',
  JSON_VALUE: 'json_extract_string',
  JSON_EXTRACT_SCALAR: 'json_extract_string',
  JSON_QUERY: 'json_extract',
  JSON_EXTRACT: 'json_extract',
  ARRAY_LENGTH: 'len',
  LOGICAL_AND: 'bool_and',
  LOGICAL_OR: 'bool_or',
  SPLIT: 'string_split',
  FORMAT: 'printf',
  GENERATE_ARRAY: 'generate_series',
};

/** Macros the warehouse defines so these functions keep BigQuery's semantics. */
export const duckdbMacros = [
  'CREATE OR REPLACE MACRO bq_safe_divide(a, b) AS CASE WHEN b = 0 THEN NULL ELSE a / b END',
  'CREATE OR REPLACE MACRO bq_sha256(x) AS unhex(sha256(x))',
  'CREATE OR REPLACE MACRO bq_to_hex(x) AS lower(hex(x))',
];

/** The modes GoogleSQL's NORMALIZE takes. */
export const normalizationModes = ['NFC', 'NFKC', 'NFD', 'NFKD'];

/** Functions whose arguments use FROM for something other than a table. */
const fromTakingFunctions = ['EXTRACT', 'SUBSTRING', 'TRIM', 'POSITION', 'OVERLAY'];

/** Reserved in DuckDB but free identifiers in GoogleSQL (and never GoogleSQL syntax): quoted when used. */
const duckdbOnlyReserved = new Set(
  'ANALYSE ANALYZE ASYMMETRIC BOTH CHECK COLUMN DEFERRABLE DESCRIBE DO INITIALLY LAMBDA LEADING ONLY PLACING RETURNING SHOW SUMMARIZE SYMMETRIC TRAILING UNIQUE VARIADIC PIVOT_LONGER PIVOT_WIDER'.split(
    ' ',
  ),
);

const tableKeywords = ['FROM', 'JOIN', 'INTO', 'UPDATE', 'TABLE', 'VIEW', 'USING', 'MERGE', 'EXISTS'];

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function stringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function bytesLiteral(value: string): string {
  const escaped = [...Buffer.from(value, 'latin1')]
    .map((byte) =>
      byte >= 0x20 && byte < 0x7f && byte !== 0x27 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, '0')}`,
    )
    .join('');
  return `'${escaped}'::BLOB`;
}

const keywordsBeforeParen = new Set(
  'AND AS BY ELSE EXCLUDE EXISTS FROM IN INTO JOIN NOT ON OR OVER SELECT THEN USING VALUES WHEN WHERE WITH'.split(
    ' ',
  ),
);

/** Whether text ending here is a function name, so a following `(` is written as a call. */
function isCallee(text: string): boolean {
  const word = /(\w+)$/.exec(text);
  return word !== null && !keywordsBeforeParen.has(word[1].toUpperCase());
}

function join(pieces: string[]): string {
  let out = '';
  for (const piece of pieces) {
    if (out.length === 0) out = piece;
    else if (/^[.,)\]]/.test(piece) || /[.([]$/.test(out) || (piece.startsWith('(') && isCallee(out)))
      out += piece;
    else out += ` ${piece}`;
  }
  return out;
}

export interface Translation {
  sql: string;
  /** Named parameters referenced, in order of first use. */
  params: string[];
  positional: number;
}

export function translate(
  tokens: Token[],
  resolveTable: TableResolver,
  options: { ddl?: boolean } = {},
): Translation {
  const t = new Translator(tokens, resolveTable, options.ddl === true);
  const sql = t.range(0, tokens.length);
  return { sql, params: t.params, positional: t.positional };
}

class Translator {
  readonly params: string[] = [];
  positional = 0;
  /** In a CREATE statement, until the body's depth-0 AS: BigQuery-only clauses are dropped there. */
  private ddlHead: boolean;

  constructor(
    private readonly tokens: Token[],
    private readonly resolveTable: TableResolver,
    ddl: boolean,
  ) {
    this.ddlHead = ddl;
  }

  range(start: number, end: number): string {
    const out: string[] = [];
    const calls: boolean[] = [];
    let k = start;
    while (k < end) {
      const tok = this.tokens[k];
      const prev = k > start ? this.tokens[k - 1] : undefined;
      const next = this.tokens[k + 1];
      const depth = calls.length;
      if (tok.kind === 'raw') {
        out.push(tok.value);
        k++;
        continue;
      }
      if (this.ddlHead && depth === 0 && isWord(tok, 'AS')) this.ddlHead = false;
      if (this.ddlHead && isWord(tok, 'OPTIONS') && isOp(next, '(')) {
        k = matchingClose(this.tokens, k + 1) + 1;
        continue;
      }
      if (this.ddlHead && depth === 0 && isWord(tok, 'PARTITION', 'CLUSTER') && isWord(next, 'BY')) {
        k += 2;
        while (
          k < end &&
          !(calls.length === 0 && isWord(this.tokens[k], 'AS', 'OPTIONS', 'CLUSTER', 'PARTITION'))
        ) {
          if (isOp(this.tokens[k], '(')) k = matchingClose(this.tokens, k);
          k++;
        }
        continue;
      }
      if (
        (tok.kind === 'ident' || tok.kind === 'quoted') &&
        !isOp(next, '(') &&
        this.inTablePosition(prev, calls)
      ) {
        k = this.tablePath(k, end, out);
        continue;
      }
      if (tok.kind === 'quoted') {
        out.push(
          tok.value.includes('.') ? this.resolveTable(tok.value.split('.'), tok) : quoteIdent(tok.value),
        );
        k++;
        continue;
      }
      if (tok.kind === 'string') {
        out.push(stringLiteral(tok.value));
        k++;
        continue;
      }
      if (tok.kind === 'bytes') {
        out.push(bytesLiteral(tok.value));
        k++;
        continue;
      }
      if (tok.kind === 'number' && !/^0[xX]/.test(tok.text) && /[.eE]/.test(tok.text)) {
        // A GoogleSQL literal with a point or exponent is FLOAT64; DuckDB would read it as DECIMAL.
        out.push(`${tok.text}::DOUBLE`);
        k++;
        continue;
      }
      if (tok.kind === 'param') {
        if (!this.params.includes(tok.value)) this.params.push(tok.value);
        out.push(`$${tok.value}`);
        k++;
        continue;
      }
      if (tok.kind === 'positional') {
        out.push(`$${++this.positional}`);
        k++;
        continue;
      }
      if (tok.kind === 'op') {
        if (tok.text === '(' || tok.text === '[') {
          calls.push(tok.text === '(' && isWord(prev, ...fromTakingFunctions));
          if (
            tok.text === '[' &&
            isWord(next, 'OFFSET', 'SAFE_OFFSET', 'ORDINAL', 'SAFE_ORDINAL') &&
            isOp(this.tokens[k + 2], '(')
          ) {
            k = this.subscript(k, out);
            calls.pop();
            continue;
          }
        } else if (tok.text === ')' || tok.text === ']') calls.pop();
        else if (tok.text === '*' && isWord(next, 'EXCEPT') && isOp(this.tokens[k + 2], '(')) {
          out.push('* EXCLUDE');
          k += 2;
          continue;
        }
        out.push(tok.text);
        k++;
        continue;
      }
      if (tok.kind === 'ident') {
        const word = tok.value.toUpperCase();
        if (isOp(next, '(') && !isOp(prev, '.')) {
          const rewritten = this.call(word, k, out);
          if (rewritten !== undefined) {
            k = rewritten;
            continue;
          }
        }
        if (duckdbOnlyReserved.has(word) && !isOp(next, '(')) {
          out.push(quoteIdent(tok.value));
          k++;
          continue;
        }
        if (word === 'MERGE' && !isWord(next, 'INTO')) {
          out.push('MERGE INTO');
          k++;
          continue;
        }
        if (word === 'IN' && isWord(next, 'UNNEST') && isOp(this.tokens[k + 2], '(')) {
          const close = matchingClose(this.tokens, k + 2);
          out.push(`IN (SELECT UNNEST(${this.range(k + 3, close)}))`);
          k = close + 1;
          continue;
        }
        if ((word === 'EXCEPT' || word === 'INTERSECT') && isWord(next, 'DISTINCT')) {
          out.push(word);
          k += 2;
          continue;
        }
        if (word === 'UNION' && isWord(next, 'DISTINCT')) {
          out.push('UNION');
          k += 2;
          continue;
        }
        if ((word === 'ARRAY' || word === 'STRUCT') && isOp(next, '<')) {
          k = this.typedConstructor(k, out);
          continue;
        }
        if (
          word in scalarTypes &&
          !isOp(prev, '.') &&
          !isOp(next, '.') &&
          !isOp(next, '(') &&
          next?.kind !== 'string'
        ) {
          out.push(scalarTypes[word]);
          k++;
          continue;
        }
        if (word === 'TIMESTAMP' && next?.kind === 'string') {
          out.push('TIMESTAMPTZ');
          k++;
          continue;
        }
      }
      out.push(tok.text);
      k++;
    }
    return join(out);
  }

  private inTablePosition(prev: Token | undefined, calls: boolean[]): boolean {
    return isWord(prev, ...tableKeywords) && (calls.length === 0 || !calls[calls.length - 1]);
  }

  private tablePath(k: number, end: number, out: string[]): number {
    const parts: string[] = [];
    const first = this.tokens[k];
    for (;;) {
      const tok = this.tokens[k];
      parts.push(...(tok.kind === 'quoted' ? tok.value.split('.') : [tok.value]));
      const after = this.tokens[k + 1];
      const following = this.tokens[k + 2];
      if (k + 2 < end && isOp(after, '.') && (following.kind === 'ident' || following.kind === 'quoted'))
        k += 2;
      else break;
    }
    out.push(
      parts.length > 1
        ? this.resolveTable(parts, first)
        : first.kind === 'quoted'
          ? quoteIdent(first.value)
          : first.text,
    );
    return k + 1;
  }

  private args(open: number): { close: number; args: string[]; ranges: [number, number][] } {
    const close = matchingClose(this.tokens, open);
    const ranges = splitTopLevel(this.tokens, open + 1, close);
    return { close, ranges, args: ranges.map(([s, e]) => this.range(s, e)) };
  }

  /** Rewrites a function call whose name or semantics differ; returns the index after it, or undefined. */
  private call(word: string, k: number, out: string[]): number | undefined {
    const open = k + 1;
    if (word in renamed) {
      const { close, args } = this.args(open);
      out.push(`${renamed[word]}(${args.join(', ')})`);
      return close + 1;
    }
    switch (word) {
      case 'CONCAT': {
        // BigQuery's CONCAT is NULL if any argument is; DuckDB's skips NULLs, its `||` does not.
        const { close, args } = this.args(open);
        out.push(`(${args.map((a) => `(${a})`).join(' || ')})`);
        return close + 1;
      }
      case 'COUNTIF': {
        // DuckDB's count_if is NULL over no rows; BigQuery's COUNTIF is 0.
        const { close, args } = this.args(open);
        out.push(`count(CASE WHEN ${args[0]} THEN 1 END)`);
        return close + 1;
      }
      case 'REGEXP_REPLACE': {
        const { close, args } = this.args(open);
        out.push(`regexp_replace(${args.join(', ')}, 'g')`);
        return close + 1;
      }
      case 'NORMALIZE': {
        // NORMALIZE(value[, NFC|NFKC|NFD|NFKD]), default NFC
        // (https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#normalize).
        // DuckDB has only NFC, so the warehouse registers bq_normalize over String.prototype.normalize.
        const { close, args } = this.args(open);
        const mode = (args[1] ?? 'NFC').trim().toUpperCase();
        if (args.length > 2 || !normalizationModes.includes(mode)) {
          throw invalidQuery(
            `No matching signature for function NORMALIZE: the mode must be one of ${normalizationModes.join(', ')} at ${location(this.tokens[k])}`,
          );
        }
        out.push(`bq_normalize(${args[0]}, '${mode}')`);
        return close + 1;
      }
      case 'CURRENT_TIMESTAMP': {
        const { close } = this.args(open);
        out.push('get_current_timestamp()');
        return close + 1;
      }
      case 'GENERATE_UUID': {
        const { close } = this.args(open);
        out.push('CAST(uuid() AS VARCHAR)');
        return close + 1;
      }
      case 'TO_JSON_STRING': {
        const { close, args } = this.args(open);
        // BigQuery writes SQL NULL as the JSON text `null`.
        out.push(`COALESCE(CAST(to_json(${args[0]}) AS VARCHAR), 'null')`);
        return close + 1;
      }
      case 'ARRAY_AGG': {
        // ARRAY_AGG([DISTINCT] x [{IGNORE|RESPECT} NULLS] [ORDER BY ...] [LIMIT n]): DuckDB has no
        // IGNORE NULLS in aggregates, so it becomes a FILTER clause.
        const close = matchingClose(this.tokens, open);
        const distinct = isWord(this.tokens[open + 1], 'DISTINCT');
        const valueStart = distinct ? open + 2 : open + 1;
        let valueEnd = close;
        let depth = 0;
        for (let i = valueStart; i < close && valueEnd === close; i++) {
          const t = this.tokens[i];
          if (isOp(t, '(') || isOp(t, '[')) depth++;
          else if (isOp(t, ')') || isOp(t, ']')) depth--;
          else if (depth === 0 && isWord(t, 'IGNORE', 'RESPECT', 'ORDER', 'LIMIT')) valueEnd = i;
        }
        const nulls =
          isWord(this.tokens[valueEnd + 1], 'NULLS') && isWord(this.tokens[valueEnd], 'IGNORE', 'RESPECT');
        const ignore = nulls && isWord(this.tokens[valueEnd], 'IGNORE');
        const value = this.range(valueStart, valueEnd);
        const rest = this.range(nulls ? valueEnd + 2 : valueEnd, close);
        const filter = ignore ? ` FILTER (WHERE (${value}) IS NOT NULL)` : '';
        out.push(`array_agg(${distinct ? 'DISTINCT ' : ''}${value}${rest ? ` ${rest}` : ''})${filter}`);
        return close + 1;
      }
      case 'SAFE_CAST': {
        out.push('TRY_CAST');
        return k + 1;
      }
      case 'TIMESTAMP_ADD':
      case 'TIMESTAMP_SUB': {
        const { close, args } = this.args(open);
        out.push(`(${args[0]} ${word === 'TIMESTAMP_ADD' ? '+' : '-'} ${args[1]})`);
        return close + 1;
      }
      case 'TIMESTAMP_DIFF': {
        const { close, args } = this.args(open);
        out.push(`date_diff(${stringLiteral(args[2].toLowerCase())}, ${args[1]}, ${args[0]})`);
        return close + 1;
      }
      case 'STRUCT': {
        const { close, ranges } = this.args(open);
        const fields = ranges.map(([s, e], i) => {
          const asAt = this.lastTopLevelAs(s, e);
          if (asAt !== undefined)
            return `${quoteIdent(this.tokens[asAt + 1].value)} := ${this.range(s, asAt)}`;
          const last = this.tokens[e - 1];
          const name =
            (last.kind === 'ident' || last.kind === 'quoted') &&
            (e - s === 1 || isOp(this.tokens[e - 2], '.'))
              ? last.value
              : `_field_${i + 1}`;
          return `${quoteIdent(name)} := ${this.range(s, e)}`;
        });
        out.push(`struct_pack(${fields.join(', ')})`);
        return close + 1;
      }
      case 'UNNEST': {
        const close = matchingClose(this.tokens, open);
        const inner = this.range(open + 1, close);
        let after = close + 1;
        if (isWord(this.tokens[after], 'AS')) after++;
        const alias = this.tokens[after];
        if (
          alias &&
          (alias.kind === 'quoted' ||
            (alias.kind === 'ident' &&
              !isWord(alias, 'WITH', 'ON', 'LEFT', 'JOIN', 'WHERE', 'CROSS', 'INNER', 'GROUP', 'ORDER')))
        ) {
          out.push(
            `UNNEST(${inner}) AS ${quoteIdent(`__unnest_${alias.value}`)}(${quoteIdent(alias.value)})`,
          );
          return after + 1;
        }
        out.push(`UNNEST(${inner})`);
        return close + 1;
      }
      default:
        return undefined;
    }
  }

  private lastTopLevelAs(start: number, end: number): number | undefined {
    let depth = 0;
    let found: number | undefined;
    for (let k = start; k < end; k++) {
      const tok = this.tokens[k];
      if (isOp(tok, '(') || isOp(tok, '[')) depth++;
      else if (isOp(tok, ')') || isOp(tok, ']')) depth--;
      else if (depth === 0 && isWord(tok, 'AS') && k + 2 === end) found = k;
    }
    return found;
  }

  /** `arr[OFFSET(i)]` is zero-based in BigQuery; DuckDB lists are one-based. */
  private subscript(k: number, out: string[]): number {
    const kind = this.tokens[k + 1].value.toUpperCase();
    const close = matchingClose(this.tokens, k + 2);
    const index = this.range(k + 3, close);
    const end = matchingClose(this.tokens, k);
    out.push(kind.endsWith('OFFSET') ? `[(${index}) + 1]` : `[${index}]`);
    return end + 1;
  }

  /** `ARRAY<T>[...]` and `STRUCT<...>` types (in CAST, DDL) and typed array literals. */
  private typedConstructor(k: number, out: string[]): number {
    const { sql, next } = this.type(k);
    if (isOp(this.tokens[next], '[')) {
      const close = matchingClose(this.tokens, next);
      out.push(`CAST(${this.range(next, close + 1)} AS ${sql})`);
      return close + 1;
    }
    out.push(sql);
    return next;
  }

  private expectClosingAngle(k: number): number {
    const tok = this.tokens[k];
    if (isOp(tok, '>')) return k + 1;
    if (isOp(tok, '>>')) {
      this.tokens[k] = { ...tok, text: '>', value: '>' };
      return k;
    }
    throw invalidQuery(`Syntax error: Expected ">" at ${location(tok)}`);
  }

  private type(k: number): { sql: string; next: number } {
    const tok = this.tokens[k];
    const word = tok?.kind === 'ident' ? tok.value.toUpperCase() : '';
    if (word === 'ARRAY' && isOp(this.tokens[k + 1], '<')) {
      const inner = this.type(k + 2);
      return { sql: `${inner.sql}[]`, next: this.expectClosingAngle(inner.next) };
    }
    if (word === 'STRUCT' && isOp(this.tokens[k + 1], '<')) {
      const fields: string[] = [];
      let at = k + 2;
      for (;;) {
        const name = this.tokens[at];
        if (!name || (name.kind !== 'ident' && name.kind !== 'quoted'))
          throw invalidQuery(`Syntax error: Expected a STRUCT field name at ${location(name)}`);
        const fieldType = this.type(at + 1);
        fields.push(`${quoteIdent(name.value)} ${fieldType.sql}`);
        at = fieldType.next;
        if (isOp(this.tokens[at], ',')) at++;
        else break;
      }
      return { sql: `STRUCT(${fields.join(', ')})`, next: this.expectClosingAngle(at) };
    }
    if (word in scalarTypes) {
      let next = k + 1;
      if (isOp(this.tokens[next], '(')) next = matchingClose(this.tokens, next) + 1;
      return { sql: scalarTypes[word], next };
    }
    throw invalidQuery(`Syntax error: Expected a type at ${location(tok)}`);
  }
}
