/**
 * Translates GoogleSQL tokens to DuckDB SQL text. It works on the token stream (never on the raw text):
 * identifiers, literals and parameters are re-emitted in DuckDB's syntax, table paths are resolved to
 * schemas, and the functions whose name or semantics differ are rewritten from their parsed arguments.
 */
import { invalidQuery } from './errors';
import { checkArity, functions, unsupported, type RawArgs } from './functions';
import { isOp, isWord, location, matchingClose, splitTopLevel, type Token } from './tokenizer';

/** How the translator names tables: the engine's resolver maps GoogleSQL paths to DuckDB schemas. */
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

/**
 * Words that may stand before `(` without being a function call: clauses, set operations, subquery
 * predicates, CTE and window definitions, DDL column lists.
 */
const syntaxBeforeParen = new Set(
  'ALL AND ANY AS BETWEEN BY CASE CROSS CUBE DISTINCT ELSE EXCEPT EXCLUDE EXISTS FROM FULL GROUP HAVING IN INNER INSERT INTERSECT INTERVAL INTO IS JOIN KEY LIKE LIMIT NOT OFFSET ON OR ORDER OUTER OVER PARTITION QUALIFY RECURSIVE REFERENCES ROLLUP SELECT SETS SOME THEN UNION USING VALUES WHEN WHERE WINDOW WITH'.split(
    ' ',
  ),
);

/** Operators binding tighter than GoogleSQL's `^` (bitwise XOR). */
const tighterThanXor = new Set(['*', '/', '+', '-', '<<', '>>', '&', '||', '.', '[', '~']);

/** Functions whose arguments use FROM for something other than a table. */
const fromTakingFunctions = ['EXTRACT', 'SUBSTRING', 'TRIM', 'POSITION', 'OVERLAY'];

/** Reserved in DuckDB but free identifiers in GoogleSQL (and never GoogleSQL syntax): quoted when used. */
const duckdbOnlyReserved = new Set(
  'ANALYSE ANALYZE ASYMMETRIC BOTH CHECK COLUMN DEFERRABLE DESCRIBE DO INITIALLY LAMBDA LEADING ONLY PLACING RETURNING SHOW SUMMARIZE SYMMETRIC TRAILING UNIQUE VARIADIC PIVOT_LONGER PIVOT_WIDER'.split(
    ' ',
  ),
);

/** GoogleSQL's current-time functions, whose parentheses are optional. */
const currentTimeFunctions = ['CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_DATETIME', 'CURRENT_TIME'];

/**
 * Names DuckDB reads, unqualified and when no column has them, as its wall clock (even backquoted): in
 * GoogleSQL they are column names (LOCALTIME, LOCALTIMESTAMP, and the current-time functions backquoted).
 */
const duckdbClockNames = ['LOCALTIME', 'LOCALTIMESTAMP', ...currentTimeFunctions];

const tableKeywords = ['FROM', 'JOIN', 'INTO', 'UPDATE', 'TABLE', 'VIEW', 'USING', 'MERGE', 'EXISTS'];

export { duckdbMacros } from './functions';

/** A DuckDB quoted identifier: `"name"` with `"` doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A DuckDB string literal: `'value'` with `'` doubled. */
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
  'ALL AND ANY AS BY DISTINCT ELSE EXCLUDE EXISTS FROM IN INTO JOIN NOT ON OR OVER SELECT SOME THEN USING VALUES WHEN WHERE WITH'.split(
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

/**
 * DuckDB SQL for one GoogleSQL statement's tokens, with `@name` and `?` parameters left as DuckDB
 * placeholders (listed in the result for binding). `options.ddl` (default false) marks a CREATE statement:
 * until its body's AS, column types are GoogleSQL type names and BigQuery-only clauses (OPTIONS,
 * PARTITION BY, CLUSTER BY) are dropped. `options.now` is the statement's instant in epoch ms, which the
 * current-time functions read (absent: a statement that calls one is refused).
 * @throws BigQueryError `invalidQuery` for syntax the emulator does not translate or a function it does not
 *   run (`not supported by the local emulator: ...`), naming where.
 */
export function translate(
  tokens: Token[],
  resolveTable: TableResolver,
  options: { ddl?: boolean; now?: number } = {},
): Translation {
  const t = new Translator(tokens, resolveTable, options.ddl === true, options.now);
  const sql = t.range(0, tokens.length);
  return { sql, params: t.params, positional: t.positional };
}

/** What one `range` call has written so far, and the brackets open in it. */
interface Pieces {
  /** One entry per open `(` or `[`: true for the parentheses of a call that takes a FROM (EXTRACT, ...). */
  readonly calls: boolean[];
  push(piece: string, at: number): void;
  /** Removes and returns the pieces of the operand that starts at token `at`. */
  takeBack(at: number): string;
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
    private readonly now: number | undefined,
  ) {
    this.ddlHead = ddl;
  }

  /**
   * Translates tokens[start, end). `out` holds DuckDB pieces and `from` the token each piece starts at, so
   * a postfix construct (`arr[OFFSET(i)]`, `a ^ b`) can take back the pieces of the operand before it.
   */
  range(start: number, end: number): string {
    const out: string[] = [];
    const from: number[] = [];
    const pieces: Pieces = {
      calls: [],
      push: (piece, at) => {
        out.push(piece);
        from.push(at);
      },
      takeBack: (at) => {
        let i = from.length;
        while (i > 0 && from[i - 1] >= at) i--;
        const taken = join(out.splice(i));
        from.splice(i);
        return taken;
      },
    };
    let k = start;
    while (k < end) {
      const tok = this.tokens[k];
      const prev = k > start ? this.tokens[k - 1] : undefined;
      const next = this.tokens[k + 1];
      if (tok.kind === 'raw') {
        pieces.push(tok.value, k);
        k++;
        continue;
      }
      const skipped = this.ddlHead ? this.skipDdlClause(k, end, pieces.calls) : undefined;
      if (skipped !== undefined) {
        k = skipped;
        continue;
      }
      if (
        (tok.kind === 'ident' || tok.kind === 'quoted') &&
        !isOp(next, '(') &&
        (this.inTablePosition(prev, pieces.calls) || (k === 1 && isWord(prev, 'DELETE')))
      ) {
        const path: string[] = [];
        const after = this.tablePath(k, end, path);
        pieces.push(path[0], k);
        k = after;
        continue;
      }
      if (
        tok.kind === 'quoted' &&
        duckdbClockNames.includes(tok.value.toUpperCase()) &&
        !isOp(prev, '.') &&
        !isWord(prev, 'AS') &&
        !this.ddlHead
      )
        throw unsupported(
          `the unqualified name ${tok.text} at ${location(tok)} (DuckDB reads it as its own clock); qualify it with its table`,
        );
      const literal = this.literal(tok);
      if (literal !== undefined) {
        pieces.push(literal, k);
        k++;
        continue;
      }
      const rewritten =
        tok.kind === 'op'
          ? this.operator(k, start, end, pieces)
          : tok.kind === 'ident'
            ? this.word(k, prev, pieces)
            : undefined;
      if (rewritten !== undefined) {
        k = rewritten;
        continue;
      }
      pieces.push(tok.text, k);
      k++;
    }
    return join(out);
  }

  /**
   * In a CREATE statement's head: notes the body's depth-0 AS, and skips an OPTIONS(...) list or a
   * PARTITION BY / CLUSTER BY clause, which DuckDB has no use for. The token after what was skipped, or
   * undefined when tokens[k] starts none of them.
   */
  private skipDdlClause(k: number, end: number, calls: boolean[]): number | undefined {
    const tok = this.tokens[k];
    const next = this.tokens[k + 1];
    if (calls.length === 0 && isWord(tok, 'AS')) this.ddlHead = false;
    if (this.ddlHead && isWord(tok, 'OPTIONS') && isOp(next, '('))
      return matchingClose(this.tokens, k + 1) + 1;
    if (this.ddlHead && calls.length === 0 && isWord(tok, 'PARTITION', 'CLUSTER') && isWord(next, 'BY')) {
      k += 2;
      while (
        k < end &&
        !(calls.length === 0 && isWord(this.tokens[k], 'AS', 'OPTIONS', 'CLUSTER', 'PARTITION'))
      ) {
        if (isOp(this.tokens[k], '(')) k = matchingClose(this.tokens, k);
        k++;
      }
      return k;
    }
    return undefined;
  }

  /** DuckDB text of a one-token literal, quoted name or parameter; undefined for any other token. */
  private literal(tok: Token): string | undefined {
    switch (tok.kind) {
      case 'quoted':
        return tok.value.includes('.') ? this.resolveTable(tok.value.split('.'), tok) : quoteIdent(tok.value);
      case 'string':
        return stringLiteral(tok.value);
      case 'bytes':
        return bytesLiteral(tok.value);
      case 'number':
        // A hexadecimal INT64 literal; DuckDB would read `0x1F` as `0 AS x1F`.
        if (/^0[xX]/.test(tok.text)) return BigInt.asIntN(64, BigInt(tok.text)).toString();
        // A GoogleSQL literal with a point or exponent is FLOAT64; DuckDB would read it as DECIMAL.
        if (/[.eE]/.test(tok.text)) return `${tok.text}::DOUBLE`;
        return undefined;
      case 'param':
        if (!this.params.includes(tok.value)) this.params.push(tok.value);
        return `$${tok.value}`;
      case 'positional':
        return `$${++this.positional}`;
      default:
        return undefined;
    }
  }

  /**
   * An operator token: brackets tracked in `pieces.calls`, `[OFFSET(i)]` subscripts, `* EXCEPT`, a divisor
   * that must not be zero and `^`. The token after the rewrite, or undefined to copy the operator as it is.
   */
  private operator(k: number, start: number, end: number, pieces: Pieces): number | undefined {
    const tok = this.tokens[k];
    const prev = k > start ? this.tokens[k - 1] : undefined;
    const next = this.tokens[k + 1];
    if (
      tok.text === '[' &&
      isWord(next, 'OFFSET', 'SAFE_OFFSET', 'ORDINAL', 'SAFE_ORDINAL') &&
      isOp(this.tokens[k + 2], '(')
    ) {
      const operandStart = this.operandStart(k - 1, start);
      const array = pieces.takeBack(operandStart);
      const { sql, next: after } = this.subscript(k, array);
      pieces.push(sql, operandStart);
      return after;
    }
    if (tok.text === '(' || tok.text === '[') {
      pieces.calls.push(tok.text === '(' && isWord(prev, ...fromTakingFunctions));
    } else if (tok.text === ')' || tok.text === ']') pieces.calls.pop();
    else if (tok.text === '*' && isWord(next, 'EXCEPT') && isOp(this.tokens[k + 2], '(')) {
      pieces.push('* EXCLUDE', k);
      return k + 2;
    } else if (tok.text === '/' && prev !== undefined) {
      // BigQuery fails a division by zero; DuckDB answers inf or NaN. The divisor is the unary
      // operand after `/`, which binds tighter than anything that could follow it.
      const operandEnd = this.operandEnd(k + 1, end);
      pieces.push(`/ bq_nonzero(${this.range(k + 1, operandEnd)})`, k);
      return operandEnd;
    } else if (tok.text === '^') {
      return this.xor(k, start, end, pieces.takeBack, pieces.push);
    }
    return undefined;
  }

  /**
   * A word token: function calls, names DuckDB reserves, `MERGE`, `IN UNNEST(...)`, set-operation
   * `DISTINCT`, typed constructors and literals, type names. The token after the rewrite, or undefined to
   * copy the word as it is.
   */
  private word(k: number, prev: Token | undefined, pieces: Pieces): number | undefined {
    const tok = this.tokens[k];
    const next = this.tokens[k + 1];
    const word = tok.value.toUpperCase();
    if (isOp(next, '(')) {
      const rewritten = this.call(word, k, prev, pieces.push);
      if (rewritten !== undefined) return rewritten;
    }
    if (word === 'INTERVAL' && (next?.kind === 'param' || next?.kind === 'positional')) {
      // `INTERVAL @n HOUR`: DuckDB takes a parameter there only in parentheses.
      pieces.push(`INTERVAL (${this.range(k + 1, k + 2)})`, k);
      return k + 2;
    }
    if (word === 'DELETE' && k === 0 && !isWord(next, 'FROM')) {
      // `DELETE t WHERE ...`: FROM is optional in GoogleSQL (dml-syntax#delete_statement), not in DuckDB.
      pieces.push('DELETE FROM', k);
      return k + 1;
    }
    if (word === 'OFFSET' && !isOp(next, '(') && !isWord(prev, 'WITH') && !(isCount(prev) && isCount(next))) {
      // A column named offset (the default name of WITH OFFSET); DuckDB reserves the word.
      pieces.push(quoteIdent(tok.value), k);
      return k + 1;
    }
    if (
      (word === 'LOCALTIME' || word === 'LOCALTIMESTAMP') &&
      !isOp(prev, '.') &&
      !isWord(prev, 'AS') &&
      !this.ddlHead
    )
      throw unsupported(
        `the unqualified name ${tok.text} at ${location(tok)} (DuckDB reads it as its own clock); qualify it with its table`,
      );
    if (
      currentTimeFunctions.includes(word) &&
      !isOp(next, '(') &&
      !isOp(prev, '.') &&
      !isOp(next, '.') &&
      !isWord(prev, 'AS') &&
      !this.ddlHead
    ) {
      // "Parentheses are optional": the bare word is the call, not DuckDB's wall-clock keyword.
      pieces.push(functions[word].sql!([], this.rawArgs([])), k);
      return k + 1;
    }
    if (duckdbOnlyReserved.has(word) && !isOp(next, '(')) {
      pieces.push(quoteIdent(tok.value), k);
      return k + 1;
    }
    if (word === 'MERGE' && !isWord(next, 'INTO')) {
      pieces.push('MERGE INTO', k);
      return k + 1;
    }
    if (word === 'IN' && isWord(next, 'UNNEST') && isOp(this.tokens[k + 2], '(')) {
      const close = matchingClose(this.tokens, k + 2);
      pieces.push(`IN (SELECT UNNEST(${this.range(k + 3, close)}))`, k);
      return close + 1;
    }
    if ((word === 'EXCEPT' || word === 'INTERSECT') && isWord(next, 'DISTINCT')) {
      pieces.push(word, k);
      return k + 2;
    }
    if (word === 'UNION' && isWord(next, 'DISTINCT')) {
      pieces.push('UNION', k);
      return k + 2;
    }
    if ((word === 'ARRAY' || word === 'STRUCT') && isOp(next, '<')) {
      const out: string[] = [];
      const after = this.typedConstructor(k, out);
      pieces.push(out[0], k);
      return after;
    }
    if (word in scalarTypes && next?.kind === 'string' && !isOp(prev, '.')) {
      // A typed literal: DATE '2020-01-01', TIMESTAMP '...', DATETIME '...', JSON '...', NUMERIC '...'.
      pieces.push(`CAST(${stringLiteral(next.value)} AS ${scalarTypes[word]})`, k);
      return k + 2;
    }
    if (word in scalarTypes && !isOp(prev, '.') && !isOp(next, '.') && !isOp(next, '(')) {
      pieces.push(scalarTypes[word], k);
      return k + 1;
    }
    return undefined;
  }

  /** First token of the operand that ends at token `last` (a path, a call, a literal, a bracketed term). */
  private operandStart(last: number, floor: number): number {
    let k = last;
    for (;;) {
      const tok = this.tokens[k];
      if (isOp(tok, ')') || isOp(tok, ']')) {
        const opener = tok.text === ')' ? '(' : '[';
        let depth = 0;
        while (k >= floor) {
          if (isOp(this.tokens[k], tok.text)) depth++;
          else if (isOp(this.tokens[k], opener) && --depth === 0) break;
          k--;
        }
        const before = this.tokens[k - 1];
        if (
          k - 1 >= floor &&
          before &&
          (before.kind === 'ident' || before.kind === 'quoted' || isOp(before, ']') || isOp(before, ')'))
        ) {
          if (before.kind === 'ident' && syntaxBeforeParen.has(before.value.toUpperCase())) return k;
          k--;
          if (isOp(before, ']') || isOp(before, ')')) continue;
        }
      }
      if (k - 1 >= floor && isOp(this.tokens[k - 1], '.')) {
        k -= 2;
        continue;
      }
      return Math.max(k, floor);
    }
  }

  /** Index after the unary operand starting at `k`: signs, then a term with its postfixes. */
  private operandEnd(position: number, end: number): number {
    while (
      position < end &&
      (isOp(this.tokens[position], '-') ||
        isOp(this.tokens[position], '+') ||
        isOp(this.tokens[position], '~'))
    )
      position++;
    const tok = this.tokens[position];
    if (!tok) throw invalidQuery('Syntax error: Unexpected end of statement');
    if (isWord(tok, 'CASE')) {
      let depth = 0;
      for (let i = position; i < end; i++) {
        if (isWord(this.tokens[i], 'CASE')) depth++;
        else if (isWord(this.tokens[i], 'END') && --depth === 0) return i + 1;
      }
      throw invalidQuery(`Syntax error: CASE without END at ${location(tok)}`);
    }
    if (isOp(tok, '(') || isOp(tok, '[')) position = matchingClose(this.tokens, position) + 1;
    else if (
      tok.kind === 'ident' &&
      tok.value.toUpperCase() in scalarTypes &&
      this.tokens[position + 1]?.kind === 'string'
    )
      position += 2;
    else position++;
    for (;;) {
      const t = this.tokens[position];
      if (position < end && (isOp(t, '(') || isOp(t, '[')))
        position = matchingClose(this.tokens, position) + 1;
      else if (position + 1 < end && isOp(t, '.')) position += 2;
      else return position;
    }
  }

  /**
   * `a ^ b` is bitwise XOR in GoogleSQL and a power in DuckDB. It binds looser than arithmetic, shifts and
   * `&`, so it is only rewritten when both operands are single terms not joined to such operators.
   */
  private xor(
    position: number,
    start: number,
    end: number,
    takeBack: (at: number) => string,
    push: (piece: string, at: number) => void,
  ): number {
    const leftStart = this.operandStart(position - 1, start);
    const rightEnd = this.operandEnd(position + 1, end);
    const before = this.tokens[leftStart - 1];
    const after = this.tokens[rightEnd];
    const tight = (token: Token | undefined): boolean =>
      token !== undefined && token.kind === 'op' && tighterThanXor.has(token.text);
    if (
      (leftStart > start && tight(before)) ||
      (rightEnd < end && tight(after)) ||
      isOp(this.tokens[position + 1], '-')
    )
      throw unsupported(
        `"^" next to an operator that binds tighter; add parentheses at ${location(this.tokens[position])}`,
      );
    const left = takeBack(leftStart);
    push(`xor(${left}, ${this.range(position + 1, rightEnd)})`, leftStart);
    return rightEnd;
  }

  private inTablePosition(prev: Token | undefined, calls: boolean[]): boolean {
    return isWord(prev, ...tableKeywords) && (calls.length === 0 || !calls[calls.length - 1]);
  }

  private tablePath(position: number, end: number, out: string[]): number {
    const parts: string[] = [];
    const first = this.tokens[position];
    for (;;) {
      const tok = this.tokens[position];
      parts.push(...(tok.kind === 'quoted' ? tok.value.split('.') : [tok.value]));
      const after = this.tokens[position + 1];
      const following = this.tokens[position + 2];
      if (
        position + 2 < end &&
        isOp(after, '.') &&
        (following.kind === 'ident' || following.kind === 'quoted')
      )
        position += 2;
      else break;
    }
    out.push(
      parts.length > 1
        ? this.resolveTable(parts, first)
        : first.kind === 'quoted'
          ? quoteIdent(first.value)
          : first.text,
    );
    return position + 1;
  }

  private args(open: number): { close: number; args: string[]; ranges: [number, number][] } {
    const close = matchingClose(this.tokens, open);
    const ranges = splitTopLevel(this.tokens, open + 1, close);
    return { close, ranges, args: ranges.map(([s, e]) => this.range(s, e)) };
  }

  private rawArgs(ranges: [number, number][]): RawArgs {
    return {
      now: () => {
        if (this.now === undefined)
          throw new Error('internal: a current-time function without a statement instant');
        return `make_timestamptz(${Math.round(this.now * 1000)})`;
      },
      stringLiteral: (i) => {
        const r = ranges[i];
        return r && r[1] - r[0] === 1 && this.tokens[r[0]].kind === 'string'
          ? this.tokens[r[0]].value
          : undefined;
      },
      word: (i) => {
        const r = ranges[i];
        return r && r[1] - r[0] === 1 && this.tokens[r[0]].kind === 'ident'
          ? this.tokens[r[0]].value.toUpperCase()
          : undefined;
      },
      isJson: (i) => {
        const r = ranges[i];
        if (!r) return false;
        const first = this.tokens[r[0]];
        return (
          (isWord(first, 'PARSE_JSON') && matchingClose(this.tokens, r[0] + 1) === r[1] - 1) ||
          (isWord(first, 'JSON') && r[1] - r[0] === 2 && this.tokens[r[0] + 1].kind === 'string')
        );
      },
    };
  }

  /**
   * A call `word(...)`: a function of the table, one with syntax of its own, or a keyword followed by a
   * parenthesis. Returns the index after what it wrote, or undefined to let the caller copy the token.
   */
  private call(
    word: string,
    position: number,
    prev: Token | undefined,
    push: (piece: string, at: number) => void,
  ): number | undefined {
    const open = position + 1;
    if (isOp(prev, '.')) {
      throw unsupported(`function ${this.dottedName(position)} at ${location(this.tokens[position])}`);
    }
    if (syntaxBeforeParen.has(word)) return undefined;
    // `SELECT * REPLACE (expr AS column)` is a clause, not the REPLACE function.
    if (word === 'REPLACE' && isOp(prev, '*')) return undefined;
    if (
      word in scalarTypes &&
      (isWord(this.tokens[position - 1], 'AS') || this.ddlHead) &&
      !(word in functions)
    ) {
      // A parameterised type: STRING(10), NUMERIC(10, 2) in a column definition or a CAST.
      push(scalarTypes[word], position);
      return matchingClose(this.tokens, open) + 1;
    }
    const special = this.specialCall(word, position, push);
    if (special !== undefined) return special;
    const rule = functions[word];
    if (!rule) throw unsupported(`function ${word} at ${location(this.tokens[position])}`);
    const close = matchingClose(this.tokens, open);
    const clause = this.tokens
      .slice(open + 1, close)
      .find(
        (t, i) =>
          depthAt(this.tokens, open + 1, open + 1 + i) === 0 &&
          (isWord(t, 'HAVING', 'ORDER', 'LIMIT') ||
            (isWord(t, 'IGNORE', 'RESPECT') && !['FIRST_VALUE', 'LAST_VALUE', 'NTH_VALUE'].includes(word))),
      );
    if (clause) throw unsupported(`${word}(... ${clause.value.toUpperCase()} ...) at ${location(clause)}`);
    const { args, ranges } = this.args(open);
    checkArity(word, rule, args.length);
    push(rule.sql!(args, this.rawArgs(ranges)), position);
    return close + 1;
  }

  private dottedName(position: number): string {
    let s = position;
    while (s >= 2 && isOp(this.tokens[s - 1], '.') && this.tokens[s - 2].kind === 'ident') s -= 2;
    return this.tokens
      .slice(s, position + 1)
      .map((t) => t.text)
      .join('');
  }

  /** Calls with syntax of their own; undefined when `word` is not one. */
  private specialCall(
    word: string,
    position: number,
    push: (piece: string, at: number) => void,
  ): number | undefined {
    const open = position + 1;
    switch (word) {
      case 'CAST':
      case 'SAFE_CAST': {
        const close = matchingClose(this.tokens, open);
        const asAt = this.lastTopLevelAsBefore(open + 1, close);
        if (asAt === undefined)
          throw invalidQuery(`Syntax error: Expected AS in ${word} at ${location(this.tokens[position])}`);
        if (this.tokens.slice(asAt, close).some((t) => isWord(t, 'FORMAT')))
          throw unsupported(`${word} with FORMAT at ${location(this.tokens[position])}`);
        const value = this.range(open + 1, asAt);
        if (isWord(this.tokens[asAt + 1], 'STRING') && asAt + 2 === close) {
          push(`bq_string(${value})`, position);
        } else if (isWord(this.tokens[asAt + 1], 'BYTES') && asAt + 2 === close) {
          push(`bq_bytes(${value})`, position);
        } else {
          push(
            `${word === 'CAST' ? 'CAST' : 'TRY_CAST'}(${value} AS ${this.range(asAt + 1, close)})`,
            position,
          );
        }
        return close + 1;
      }
      case 'EXTRACT': {
        const close = matchingClose(this.tokens, open);
        const partTok = this.tokens[open + 1];
        if (!isWord(this.tokens[open + 2], 'FROM'))
          throw unsupported(`EXTRACT of ${partTok?.text ?? '(nothing)'} at ${location(partTok)}`);
        if (this.tokens.slice(open + 3, close).some((t) => isWord(t, 'AT')))
          throw unsupported(`EXTRACT ... AT TIME ZONE at ${location(partTok)}`);
        const value = this.range(open + 3, close);
        const p = partTok.value.toUpperCase();
        const simple: Record<string, string> = {
          YEAR: 'year',
          QUARTER: 'quarter',
          MONTH: 'month',
          DAY: 'day',
          DAYOFYEAR: 'doy',
          ISOWEEK: 'week',
          ISOYEAR: 'isoyear',
          HOUR: 'hour',
          MINUTE: 'minute',
          SECOND: 'second',
        };
        if (p in simple) push(`extract(${simple[p]} FROM ${value})`, position);
        else if (p === 'DAYOFWEEK') push(`(extract(dow FROM ${value}) + 1)`, position);
        else if (p === 'DATE') push(`CAST(${value} AS DATE)`, position);
        else throw unsupported(`EXTRACT(${p} FROM ...) at ${location(partTok)}`);
        return close + 1;
      }
      case 'ARRAY_AGG':
      case 'STRING_AGG':
        return this.aggregate(word, position, push);
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
        push(`struct_pack(${fields.join(', ')})`, position);
        return close + 1;
      }
      case 'ARRAY': {
        const close = matchingClose(this.tokens, open);
        if (!isWord(this.tokens[open + 1], 'SELECT', 'WITH'))
          throw invalidQuery(
            `Syntax error: ARRAY(...) takes a subquery at ${location(this.tokens[position])}`,
          );
        push(`ARRAY(${this.range(open + 1, close)})`, position);
        return close + 1;
      }
      case 'UNNEST':
        return this.unnest(position, push);
      default:
        return undefined;
    }
  }

  /**
   * ARRAY_AGG / STRING_AGG([DISTINCT] x [, delimiter] [{IGNORE|RESPECT} NULLS] [ORDER BY ...] [LIMIT n]).
   * DuckDB has neither IGNORE NULLS nor LIMIT inside an aggregate: they become FILTER and a list slice.
   */
  private aggregate(word: string, position: number, push: (piece: string, at: number) => void): number {
    const open = position + 1;
    const close = matchingClose(this.tokens, open);
    const distinct = isWord(this.tokens[open + 1], 'DISTINCT');
    const valueStart = distinct ? open + 2 : open + 1;
    let clauseStart = close;
    let depth = 0;
    for (let i = valueStart; i < close && clauseStart === close; i++) {
      const t = this.tokens[i];
      if (isOp(t, '(') || isOp(t, '[')) depth++;
      else if (isOp(t, ')') || isOp(t, ']')) depth--;
      else if (depth === 0 && isWord(t, 'IGNORE', 'RESPECT', 'ORDER', 'LIMIT')) clauseStart = i;
    }
    const parts = splitTopLevel(this.tokens, valueStart, clauseStart);
    const maxParts = word === 'STRING_AGG' ? 2 : 1;
    if (parts.length === 0 || parts.length > maxParts)
      throw invalidQuery(
        `No matching signature for aggregate function ${word} with ${parts.length} arguments`,
      );
    const value = this.range(parts[0][0], parts[0][1]);
    const delimiter = parts[1] ? this.range(parts[1][0], parts[1][1]) : "','";
    let i = clauseStart;
    let ignoreNulls = word === 'STRING_AGG';
    if (isWord(this.tokens[i], 'IGNORE', 'RESPECT') && isWord(this.tokens[i + 1], 'NULLS')) {
      if (word === 'STRING_AGG')
        throw invalidQuery(`Syntax error: ${word} does not take IGNORE/RESPECT NULLS`);
      ignoreNulls = isWord(this.tokens[i], 'IGNORE');
      i += 2;
    }
    let limitAt = close;
    for (let j = i; j < close; j++)
      if (isWord(this.tokens[j], 'LIMIT') && depthAt(this.tokens, i, j) === 0) limitAt = j;
    const orderBy = this.range(i, limitAt);
    const limit = limitAt < close ? this.range(limitAt + 1, close) : undefined;
    if (limit !== undefined && !/^\d+$/.test(limit))
      throw invalidQuery(`LIMIT in ${word} must be an integer literal at ${location(this.tokens[limitAt])}`);
    const over = isWord(this.tokens[close + 1], 'OVER');
    const filter = ignoreNulls ? ` FILTER (WHERE (${value}) IS NOT NULL)` : '';
    const inner = `${distinct ? 'DISTINCT ' : ''}${value}${orderBy ? ` ${orderBy}` : ''}`;
    if (over && (limit !== undefined || (word === 'ARRAY_AGG' && !ignoreNulls)))
      throw unsupported(
        `${word} ... OVER without IGNORE NULLS or with LIMIT at ${location(this.tokens[position])}`,
      );
    if (word === 'STRING_AGG') {
      if (limit === undefined && !over)
        push(
          `string_agg(${distinct ? 'DISTINCT ' : ''}${value}, ${delimiter}${orderBy ? ` ${orderBy}` : ''})`,
          position,
        );
      else if (limit === undefined) push(`string_agg(${value}, ${delimiter})`, position);
      else
        push(
          `array_to_string(list_slice(array_agg(${inner})${filter}, 1, ${limit}), ${delimiter})`,
          position,
        );
      return close + 1;
    }
    let sql = `array_agg(${inner})${filter}`;
    if (limit !== undefined) sql = `list_slice(${sql}, 1, ${limit})`;
    // BigQuery fails the query when the array would hold a NULL.
    push(over ? sql : ignoreNulls ? sql : `bq_no_null_elements(${sql})`, position);
    return close + 1;
  }

  /**
   * `UNNEST(a) [AS] x [WITH OFFSET [AS] o]`. Unaliased, an array of STRUCTs gives one column per field.
   */
  private unnest(position: number, push: (piece: string, at: number) => void): number {
    const open = position + 1;
    const close = matchingClose(this.tokens, open);
    const inner = this.range(open + 1, close);
    let after = close + 1;
    if (isWord(this.tokens[after], 'AS')) after++;
    const aliasTok = this.tokens[after];
    const hasAlias =
      aliasTok !== undefined &&
      (aliasTok.kind === 'quoted' ||
        (aliasTok.kind === 'ident' &&
          !isWord(
            aliasTok,
            'WITH',
            'ON',
            'LEFT',
            'RIGHT',
            'FULL',
            'JOIN',
            'WHERE',
            'CROSS',
            'INNER',
            'GROUP',
            'ORDER',
            'LIMIT',
            'UNION',
            'QUALIFY',
            'HAVING',
            'WINDOW',
          )));
    const alias = hasAlias ? aliasTok.value : undefined;
    let end = hasAlias ? after + 1 : close + 1;
    let offset: string | undefined;
    if (isWord(this.tokens[end], 'WITH') && isWord(this.tokens[end + 1], 'OFFSET')) {
      end += 2;
      if (isWord(this.tokens[end], 'AS')) end++;
      const o = this.tokens[end];
      if (
        o &&
        (o.kind === 'quoted' ||
          (o.kind === 'ident' &&
            !syntaxBeforeParen.has(o.value.toUpperCase()) &&
            !isWord(o, 'CROSS', 'LEFT', 'JOIN', 'WHERE', 'GROUP', 'ORDER', 'LIMIT')))
      ) {
        offset = o.value;
        end++;
      } else offset = 'offset';
    }
    const structFields = !alias && /^\[?struct_pack\(/.test(inner.replace(/^CAST\(/, ''));
    if (offset !== undefined) {
      const name = alias ?? 'f0_';
      const table = quoteIdent(`__unnest_${name}`);
      push(
        `(SELECT UNNEST(${inner}) AS ${quoteIdent(name)}, generate_subscripts(${inner}, 1) - 1 AS ${quoteIdent(offset)}) AS ${table}`,
        position,
      );
      return end;
    }
    if (alias) {
      push(`UNNEST(${inner}) AS ${quoteIdent(`__unnest_${alias}`)}(${quoteIdent(alias)})`, position);
      return end;
    }
    if (structFields) {
      push(`(SELECT UNNEST(__e) FROM (SELECT UNNEST(${inner}) AS __e))`, position);
      return end;
    }
    push(`UNNEST(${inner})`, position);
    return end;
  }

  private lastTopLevelAsBefore(start: number, end: number): number | undefined {
    let depth = 0;
    let found: number | undefined;
    for (let k = start; k < end; k++) {
      const tok = this.tokens[k];
      if (isOp(tok, '(') || isOp(tok, '[')) depth++;
      else if (isOp(tok, ')') || isOp(tok, ']')) depth--;
      else if (depth === 0 && isWord(tok, 'AS')) found = k;
    }
    return found;
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

  /** `arr[OFFSET(i)]` (zero-based) and `arr[ORDINAL(i)]`: out of range is an error, SAFE_ gives NULL. */
  private subscript(position: number, array: string): { sql: string; next: number } {
    const kind = this.tokens[position + 1].value.toUpperCase();
    const close = matchingClose(this.tokens, position + 2);
    const index = this.range(position + 3, close);
    const end = matchingClose(this.tokens, position);
    return { sql: `bq_${kind.toLowerCase()}(${array}, ${index})`, next: end + 1 };
  }

  /**
   * `ARRAY<T>[...]` and `STRUCT<...>` types (in CAST, DDL), typed array literals and typed STRUCT
   * constructors `STRUCT<a INT64, b STRING>(1, 'x')`, whose values take the fields in order
   * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types#constructing_a_struct).
   */
  private typedConstructor(position: number, out: string[]): number {
    const { sql, next, fields } = this.type(position);
    if (isOp(this.tokens[next], '[')) {
      const close = matchingClose(this.tokens, next);
      out.push(`CAST(${this.range(next, close + 1)} AS ${sql})`);
      return close + 1;
    }
    if (fields !== undefined && isOp(this.tokens[next], '(') && !this.ddlHead) {
      const { close, args } = this.args(next);
      if (args.length !== fields)
        throw invalidQuery(
          `STRUCT type has ${fields} fields but constructor call has ${args.length} fields at ${location(this.tokens[position])}`,
        );
      out.push(`CAST(ROW(${args.join(', ')}) AS ${sql})`);
      return close + 1;
    }
    out.push(sql);
    return next;
  }

  private expectClosingAngle(position: number): number {
    const tok = this.tokens[position];
    if (isOp(tok, '>')) return position + 1;
    if (isOp(tok, '>>')) {
      this.tokens[position] = { ...tok, text: '>', value: '>' };
      return position;
    }
    throw invalidQuery(`Syntax error: Expected ">" at ${location(tok)}`);
  }

  /** A type at token `position`: its DuckDB SQL, the token after it, and a STRUCT's number of fields. */
  private type(position: number): { sql: string; next: number; fields?: number } {
    const tok = this.tokens[position];
    const word = tok?.kind === 'ident' ? tok.value.toUpperCase() : '';
    if (word === 'ARRAY' && isOp(this.tokens[position + 1], '<')) {
      const inner = this.type(position + 2);
      return { sql: `${inner.sql}[]`, next: this.expectClosingAngle(inner.next) };
    }
    if (word === 'STRUCT' && isOp(this.tokens[position + 1], '<')) {
      const fields: string[] = [];
      let at = position + 2;
      for (;;) {
        const name = this.tokens[at];
        if (!name || (name.kind !== 'ident' && name.kind !== 'quoted'))
          throw invalidQuery(`Syntax error: Expected a STRUCT field name at ${location(name)}`);
        const fieldType = this.type(at + 1);
        fields.push(`${quoteIdent(name.value)} ${fieldType.sql}`);
        at = fieldType.next;
        // A field of a column's STRUCT takes column options in DDL (the DDL page's CREATE TABLE example),
        // checked by the engine against column_option_list before the translation; DuckDB has no use for them.
        if (this.ddlHead && isWord(this.tokens[at], 'OPTIONS') && isOp(this.tokens[at + 1], '('))
          at = matchingClose(this.tokens, at + 1) + 1;
        if (isOp(this.tokens[at], ',')) at++;
        else break;
      }
      return {
        sql: `STRUCT(${fields.join(', ')})`,
        next: this.expectClosingAngle(at),
        fields: fields.length,
      };
    }
    if (word in scalarTypes) {
      let next = position + 1;
      if (isOp(this.tokens[next], '(')) next = matchingClose(this.tokens, next) + 1;
      return { sql: scalarTypes[word], next };
    }
    throw invalidQuery(`Syntax error: Expected a type at ${location(tok)}`);
  }
}

/** Whether `tok` is a LIMIT/OFFSET count: an integer literal or a query parameter. */
function isCount(tok: Token | undefined): boolean {
  return tok?.kind === 'number' || tok?.kind === 'param' || tok?.kind === 'positional';
}

/** Bracket depth of tokens[at] relative to tokens[from]. */
function depthAt(tokens: Token[], from: number, at: number): number {
  let depth = 0;
  for (let k = from; k < at; k++) {
    if (isOp(tokens[k], '(') || isOp(tokens[k], '[')) depth++;
    else if (isOp(tokens[k], ')') || isOp(tokens[k], ']')) depth--;
  }
  return depth;
}
