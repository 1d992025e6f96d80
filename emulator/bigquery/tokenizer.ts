/** GoogleSQL lexical structure: what the statement parsers and the DuckDB translator work on. */
import { invalidQuery } from './errors';

/** `raw` holds SQL already translated to DuckDB (a table function's result, spliced in by the engine). */
export type TokenKind =
  'ident' | 'quoted' | 'string' | 'bytes' | 'number' | 'param' | 'positional' | 'op' | 'raw';

export interface Token {
  kind: TokenKind;
  /** Source text of the token. */
  text: string;
  /** Decoded value: the identifier name, the string contents, the parameter name. */
  value: string;
  line: number;
  column: number;
}

const operators = ['<=', '>=', '<>', '!=', '||', '<<', '>>', '=>'];
const singleOperators = '()[],;.+-*/=<>&|^~:{}%';

function decodeEscapes(body: string, where: () => string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      b: '\b',
      f: '\f',
      v: '\v',
      a: '\x07',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '`': '`',
      '?': '?',
    };
    if (next in simple) out += simple[next];
    else if (next === 'x' || next === 'X') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === 'u' || next === 'U') {
      const length = next === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + length), 16));
      i += length;
    } else if (next !== undefined && /[0-7]/.test(next)) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else throw invalidQuery(`Syntax error: Illegal escape sequence \\${next ?? ''} at ${where()}`);
  }
  return out;
}

/**
 * GoogleSQL text as tokens with 1-based line and column, comments and whitespace dropped, string and bytes
 * literals decoded. https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical
 * @throws BigQueryError `invalidQuery` (`Syntax error: ... at [line:column]`) for an unclosed comment,
 *   string or quoted identifier, an illegal escape or character, or `@` without a parameter name.
 */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const where = (at: number): string => `[${line}:${at - lineStart + 1}]`;
  const advanceLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (sql[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
  };
  const push = (kind: TokenKind, start: number, end: number, value: string): void => {
    tokens.push({ kind, text: sql.slice(start, end), value, line, column: start - lineStart + 1 });
    advanceLines(start, end);
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      advanceLines(i, i + 1);
      i++;
    } else if (ch === '#' || (ch === '-' && sql[i + 1] === '-')) {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw invalidQuery(`Syntax error: Unclosed comment at ${where(i)}`);
      advanceLines(i, end + 2);
      i = end + 2;
    } else if (
      /[rRbB]/.test(ch) &&
      /^[rRbB]{0,2}['"]/.test(sql.slice(i, i + 3)) &&
      !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')
    ) {
      const prefix = /^[rRbB]{1,2}/.exec(sql.slice(i))![0];
      readString(i, prefix);
    } else if (ch === "'" || ch === '"') {
      readString(i, '');
    } else if (ch === '`') {
      let end = i + 1;
      while (end < sql.length && sql[end] !== '`') end += sql[end] === '\\' ? 2 : 1;
      if (end >= sql.length) throw invalidQuery(`Syntax error: Unclosed identifier literal at ${where(i)}`);
      push(
        'quoted',
        i,
        end + 1,
        decodeEscapes(sql.slice(i + 1, end), () => where(i)),
      );
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))!;
      push('ident', i, i + m[0].length, m[0]);
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+|([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?)/.exec(sql.slice(i))!;
      push('number', i, i + m[0].length, m[0]);
    } else if (ch === '@' && sql[i + 1] !== '@') {
      const m = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i));
      if (!m) throw invalidQuery(`Syntax error: Expected a parameter name after @ at ${where(i)}`);
      push('param', i, i + m[0].length, m[1]);
    } else if (ch === '?') {
      push('positional', i, i + 1, '?');
    } else {
      const two = sql.slice(i, i + 2);
      if (operators.includes(two)) push('op', i, i + 2, two);
      else if (singleOperators.includes(ch)) push('op', i, i + 1, ch);
      else throw invalidQuery(`Syntax error: Illegal input character "${ch}" at ${where(i)}`);
    }
  }
  return tokens;

  function readString(start: number, prefix: string): void {
    const quoteStart = start + prefix.length;
    const triple = sql.slice(quoteStart, quoteStart + 3);
    const quote = triple === "'''" || triple === '"""' ? triple : sql[quoteStart];
    const raw = /r/i.test(prefix);
    let end = quoteStart + quote.length;
    while (end < sql.length && sql.slice(end, end + quote.length) !== quote) {
      if (sql[end] === '\\') end++;
      else if (quote.length === 1 && sql[end] === '\n') break;
      end++;
    }
    if (end >= sql.length || sql[end] === '\n')
      throw invalidQuery(`Syntax error: Unclosed string literal at ${where(start)}`);
    const body = sql.slice(quoteStart + quote.length, end);
    push(
      /b/i.test(prefix) ? 'bytes' : 'string',
      start,
      end + quote.length,
      raw ? body : decodeEscapes(body, () => where(start)),
    );
  }
}

/** Is this token the keyword `word` (identifiers are case-insensitive keywords when unquoted)? */
export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token !== undefined && token.kind === 'ident' && words.includes(token.value.toUpperCase());
}

/** Is this token the operator or punctuation `op`? */
export function isOp(token: Token | undefined, op: string): boolean {
  return token !== undefined && token.kind === 'op' && token.text === op;
}

/**
 * Index of the `)`, `]` or `>` matching the opener at `open`.
 * @throws BigQueryError `invalidQuery` (`Syntax error: Unmatched ...`) when there is none.
 */
export function matchingClose(tokens: Token[], open: number): number {
  const opener = tokens[open].text;
  const closer = opener === '(' ? ')' : opener === '[' ? ']' : '>';
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (isOp(tokens[k], opener)) depth++;
    else if (isOp(tokens[k], closer) && --depth === 0) return k;
  }
  const t = tokens[open];
  throw invalidQuery(`Syntax error: Unmatched "${opener}" at [${t.line}:${t.column}]`);
}

/** Splits tokens[start, end) at depth-0 commas. */
export function splitTopLevel(
  tokens: Token[],
  start: number,
  end: number,
  separator = ',',
): [number, number][] {
  const parts: [number, number][] = [];
  let depth = 0;
  let from = start;
  for (let k = start; k < end; k++) {
    const t = tokens[k];
    if (isOp(t, '(') || isOp(t, '[')) depth++;
    else if (isOp(t, ')') || isOp(t, ']')) depth--;
    else if (depth === 0 && isOp(t, separator)) {
      parts.push([from, k]);
      from = k + 1;
    }
  }
  if (end > from) parts.push([from, end]);
  return parts;
}

/** Where a token is, as BigQuery's errors say it: `[line:column]`, or `end of statement` for none. */
export function location(token: Token | undefined): string {
  return token ? `[${token.line}:${token.column}]` : 'end of statement';
}
