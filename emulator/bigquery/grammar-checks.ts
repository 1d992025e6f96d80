import { invalidQuery } from './errors';
import { unsupported } from './functions';
import { isOp, isWord, location, matchingClose, splitTopLevel, type Token } from './tokenizer';

/**
 * GoogleSQL's grammar where DuckDB's is wider. The translator hands most tokens to DuckDB as they are, so
 * anything DuckDB accepts and BigQuery refuses (a trailing comma, `GROUP BY ALL`, `EXCLUDE`, `::`, a
 * clause BigQuery requires) would pass locally and fail on Google. `checkGoogleSql` refuses those forms
 * before anything runs, with BigQuery's `Syntax error: Unexpected ... at [line:column]` shape (reason
 * `invalidQuery`), or `not supported by the local emulator: ...` for valid GoogleSQL whose DuckDB reading
 * differs. Each rule and the page it follows is listed in emulator/README.md ("GoogleSQL grammar").
 *
 * Pages: https://cloud.google.com/bigquery/docs/reference/standard-sql/query-syntax (clauses),
 * .../lexical (reserved keywords, operators), .../pipe-syntax (queries that start with FROM),
 * .../dml-syntax (WHERE is required in UPDATE and DELETE), .../operators (array subscripts).
 */
export function checkGoogleSql(tokens: Token[]): void {
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.kind === 'op') checkOperator(tokens, k);
    else if (tok.kind === 'ident') checkWord(tokens, k);
  }
  checkClauses(tokens);
  checkDmlWhere(tokens);
}

/** GoogleSQL's reserved keywords (the lexical page): never a column, so never the end of an operand. */
const reserved = new Set(
  'ALL AND ANY ARRAY AS ASC ASSERT_ROWS_MODIFIED AT BETWEEN BY CASE CAST COLLATE CONTAINS CREATE CROSS CUBE CURRENT DEFAULT DEFINE DESC DISTINCT ELSE END ENUM ESCAPE EXCEPT EXCLUDE EXISTS EXTRACT FALSE FETCH FOLLOWING FOR FROM FULL GROUP GROUPING GROUPS HASH HAVING IF IGNORE IN INNER INTERSECT INTERVAL INTO IS JOIN LATERAL LEFT LIKE LIMIT LOOKUP MERGE NATURAL NEW NO NOT NULL NULLS OF ON OR ORDER OUTER OVER PARTITION PRECEDING PROTO QUALIFY RANGE RECURSIVE RESPECT RIGHT ROLLUP ROWS SELECT SET SOME STRUCT TABLESAMPLE THEN TO TREAT TRUE UNBOUNDED UNION UNNEST USING WHEN WHERE WINDOW WITH WITHIN'.split(
    ' ',
  ),
);

/** The clauses and set operators that may follow a SELECT's FROM clause. */
const clausesAfterFrom = [
  'WHERE',
  'GROUP',
  'HAVING',
  'QUALIFY',
  'WINDOW',
  'ORDER',
  'LIMIT',
  'UNION',
  'INTERSECT',
  'EXCEPT',
];

/** Keywords a list item can never be followed by a comma before: a comma there is a trailing comma. */
const afterList = ['FROM', ...clausesAfterFrom, 'ON', 'USING'];

/** DuckDB join kinds GoogleSQL lacks; in GoogleSQL the word before JOIN would be a table alias. */
const duckdbJoins = ['POSITIONAL', 'ASOF', 'SEMI', 'ANTI'];

/** Words before a table name: a string literal there is a DuckDB file read (`FROM 'data.csv'`). */
const tableKeywords = ['FROM', 'JOIN', 'INTO', 'UPDATE', 'TABLE', 'USING', 'MERGE'];

function describe(tok: Token | undefined): string {
  if (!tok) return 'end of script';
  if (tok.kind === 'ident') {
    const word = tok.value.toUpperCase();
    return reserved.has(word) ? `keyword ${word}` : `identifier "${tok.value}"`;
  }
  if (tok.kind === 'string' || tok.kind === 'bytes') return `string literal ${tok.text}`;
  if (tok.kind === 'number') return `integer literal "${tok.text}"`;
  return `"${tok.text}"`;
}

function unexpected(tok: Token | undefined, at: Token): Error {
  return invalidQuery(`Syntax error: Unexpected ${describe(tok)} at ${location(tok ?? at)}`);
}

/** Whether `tok` can end an operand (a column, literal, parameter, call or bracketed term). */
function endsOperand(tok: Token | undefined): boolean {
  if (!tok) return false;
  if (tok.kind === 'ident')
    return !reserved.has(tok.value.toUpperCase()) || isWord(tok, 'TRUE', 'FALSE', 'NULL');
  return tok.kind !== 'op' || isOp(tok, ')') || isOp(tok, ']');
}

/** Whether `tok` can start an operand. */
function startsOperand(tok: Token | undefined): boolean {
  if (!tok) return false;
  if (tok.kind === 'ident')
    return (
      !reserved.has(tok.value.toUpperCase()) ||
      isWord(tok, 'TRUE', 'FALSE', 'NULL', 'CAST', 'ARRAY', 'STRUCT', 'CASE')
    );
  return tok.kind !== 'op' || isOp(tok, '(') || isOp(tok, '[');
}

function checkOperator(tokens: Token[], k: number): void {
  const tok = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  switch (tok.text) {
    case ',':
      // A trailing comma (`SELECT a, FROM`, `SET a = 1, WHERE`, `f(a,)`, `VALUES (1),`): DuckDB allows one.
      if (
        next === undefined ||
        [')', ']', '>', ';', ','].some((op) => isOp(next, op)) ||
        (next.kind === 'ident' && afterList.includes(next.value.toUpperCase()))
      )
        throw unexpected(next, tok);
      return;
    case ':': // `::` casts, `:=` struct fields, `x: 1` aliases
    case '{': // struct and map literals
    case '}':
    case '%': // modulo is MOD(); `LIMIT 10%`
      throw unexpected(tok, tok);
    case '*':
      // DuckDB's star filters (`* LIKE 'a%'`, `* RENAME (...)`, `* SIMILAR TO`); GoogleSQL has EXCEPT and REPLACE.
      if (isWord(next, 'LIKE', 'ILIKE', 'GLOB', 'SIMILAR', 'RENAME')) throw unexpected(next, tok);
      return;
    case '~':
      // Bitwise NOT is unary in GoogleSQL; DuckDB reads `a ~ b` as a regular-expression match.
      if (endsOperand(prev)) throw unexpected(tok, tok);
      return;
    case '|':
      if (isOp(next, '>') && next.line === tok.line && next.column === tok.column + 1)
        throw unsupported(`pipe operator |> at ${location(tok)}`);
      return;
    case '[':
      if (endsOperand(prev)) {
        // BigQuery's bare `a[i]` is zero-based, DuckDB's one-based; JSON subscripts differ again.
        if (!(isWord(next, 'OFFSET', 'SAFE_OFFSET', 'ORDINAL', 'SAFE_ORDINAL') && isOp(tokens[k + 2], '(')))
          throw unsupported(`subscript without OFFSET or ORDINAL at ${location(tok)}; write a[OFFSET(i)]`);
      } else if (!isOp(prev, '>') && !isOp(prev, '>>')) checkStructNames(tokens, k);
      return;
    default:
      return;
  }
}

function checkWord(tokens: Token[], k: number): void {
  const tok = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  const word = tok.value.toUpperCase();
  switch (word) {
    case 'EXCLUDE': // reserved in GoogleSQL and used by no clause: DuckDB's `* EXCLUDE (...)`
    case 'NATURAL':
      throw unexpected(tok, tok);
    case 'ILIKE':
    case 'GLOB':
      if (endsOperand(prev) && startsOperand(next)) throw unexpected(tok, tok);
      return;
    case 'SIMILAR':
      if (isWord(next, 'TO')) throw unexpected(tok, tok);
      return;
    case 'DISTINCT':
      if (isWord(next, 'ON')) throw unexpected(next, tok);
      return;
    case 'INSERT':
      if (isWord(next, 'OR')) throw unexpected(next, tok);
      return;
    case 'DEFAULT':
      if (isWord(next, 'VALUES')) throw unexpected(next, tok);
      return;
    case 'VALUES':
      // A VALUES list is only an INSERT's (or a MERGE's INSERT) rows; DuckDB also takes it as a table.
      if (isOp(next, '(') && !isWord(tokens[0], 'INSERT', 'MERGE')) throw unexpected(tok, tok);
      return;
    case 'IN':
      if (isOp(next, '(') && isOp(tokens[k + 2], ')')) throw unexpected(tokens[k + 2], tok);
      return;
    case 'USING':
      if (isWord(next, 'SAMPLE')) throw unexpected(next, tok);
      if (isOp(next, '(')) refuseStringNames(tokens, k + 1);
      return;
    case 'AS':
      // An alias is an identifier; DuckDB also takes a string (`AS 'x'`, `AS "x"`).
      if (next?.kind === 'string') throw unexpected(next, tok);
      return;
    // Valid GoogleSQL DuckDB's parser has no form for: refused by name rather than with DuckDB's parser error.
    case 'SELECT':
      if (isWord(next, 'AS') && isWord(tokens[k + 2], 'STRUCT', 'VALUE'))
        throw unsupported(`SELECT AS ${tokens[k + 2].value.toUpperCase()} at ${location(tok)}`);
      return;
    case 'FOR':
      if (isWord(next, 'SYSTEM_TIME'))
        throw unsupported(`FOR SYSTEM_TIME AS OF (time travel) at ${location(tok)}`);
      return;
    case 'PIVOT':
    case 'UNPIVOT':
      if (isOp(next, '(')) throw unsupported(`${word} at ${location(tok)}`);
      return;
    case 'TABLESAMPLE':
      throw unsupported(`TABLESAMPLE at ${location(tok)}`);
    case 'CREATE':
      checkColumnListAsQuery(tokens, k);
      return;
    case 'GROUP':
    case 'ORDER':
      if (isWord(next, 'BY') && isWord(tokens[k + 2], 'ALL')) {
        if (word === 'ORDER') throw unexpected(tokens[k + 2], tok);
        // Valid GoogleSQL, but DuckDB also groups by constant SELECT items, which BigQuery leaves out.
        throw unsupported(`GROUP BY ALL at ${location(tok)}; list the grouping columns`);
      }
      return;
    case 'BY':
      if (isWord(next, 'NAME') && !isWord(prev, 'GROUP', 'ORDER', 'PARTITION', 'CLUSTER')) {
        if (isWord(prev, 'ALL', 'DISTINCT')) throw unsupported(`set operation BY NAME at ${location(tok)}`);
        throw unexpected(tok, tok);
      }
      return;
    case 'UNION':
    case 'INTERSECT':
    case 'EXCEPT':
      checkSetOperator(tokens, k);
      return;
    case 'LIMIT':
      checkCount(tokens, k);
      if (isWord(tokens[k + 2], 'OFFSET')) checkCount(tokens, k + 2);
      return;
    case 'OFFSET':
      // `OFFSET n` belongs to `LIMIT count OFFSET n`; DuckDB also takes it alone.
      if ((next?.kind === 'number' || next?.kind === 'param') && !isWord(tokens[k - 2], 'LIMIT'))
        throw unexpected(tok, tok);
      return;
    case 'AT':
      if (
        isWord(next, 'TIME') &&
        isWord(tokens[k + 2], 'ZONE') &&
        !insideCall(tokens, k, ['EXTRACT', 'CAST'])
      )
        throw unexpected(tok, tok);
      return;
    default:
      if (
        duckdbJoins.includes(word) &&
        (isWord(next, 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'FULL') || isWord(prev, 'LEFT', 'RIGHT'))
      )
        throw unsupported(`${word} JOIN at ${location(tok)} (DuckDB's join; GoogleSQL has none)`);
      if (
        tableKeywords.includes(word) &&
        next?.kind === 'string' &&
        !isWord(prev, 'DISTINCT') &&
        !insideCall(tokens, k, ['EXTRACT'])
      )
        throw unexpected(next, tok);
  }
}

/**
 * `CREATE TABLE t (a INT64, ...) AS SELECT ...`: valid GoogleSQL (the query's columns fill the listed ones
 * by position), but DuckDB takes no column list with AS.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#create_table_statement
 */
function checkColumnListAsQuery(tokens: Token[], k: number): void {
  let i = k + 1;
  if (isWord(tokens[i], 'OR') && isWord(tokens[i + 1], 'REPLACE')) i += 2;
  if (isWord(tokens[i], 'TEMP', 'TEMPORARY')) i++;
  if (!isWord(tokens[i], 'TABLE') || isWord(tokens[i + 1], 'FUNCTION')) return;
  i++;
  if (isWord(tokens[i], 'IF')) i += 3;
  // The table path: a name, then `.name` parts.
  if (tokens[i]?.kind !== 'ident' && tokens[i]?.kind !== 'quoted') return;
  i++;
  while (isOp(tokens[i], '.')) i += 2;
  if (!isOp(tokens[i], '(')) return;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (isOp(tokens[j], '(')) depth++;
    else if (isOp(tokens[j], ')')) depth--;
    else if (depth === 0 && isWord(tokens[j], 'AS'))
      throw unsupported(
        `CREATE TABLE with a column list and AS query at ${location(tokens[i])}; drop the column list and CAST in the query`,
      );
  }
}

/** `USING (a, b)` and `* EXCEPT (a, b)` list column names; DuckDB also takes strings there. */
function refuseStringNames(tokens: Token[], open: number): void {
  const close = matchingClose(tokens, open);
  const text = tokens.slice(open + 1, close).find((t) => t.kind === 'string' || t.kind === 'bytes');
  if (text) throw unexpected(text, text);
}

/** `UNION`, `INTERSECT` and `EXCEPT` take ALL or DISTINCT; BigQuery has INTERSECT and EXCEPT DISTINCT only. */
function checkSetOperator(tokens: Token[], k: number): void {
  const tok = tokens[k];
  // `SELECT * EXCEPT (a)` names columns to leave out.
  if (isWord(tok, 'EXCEPT') && isOp(tokens[k - 1], '*')) {
    if (isOp(tokens[k + 1], '(')) refuseStringNames(tokens, k + 1);
    return;
  }
  const next = tokens[k + 1];
  const word = tok.value.toUpperCase();
  if (!isWord(next, 'ALL', 'DISTINCT'))
    throw invalidQuery(
      `Syntax error: Expected keyword ALL or keyword DISTINCT but got ${describe(next)} at ${location(next ?? tok)}`,
    );
  if (word !== 'UNION' && isWord(next, 'ALL'))
    throw invalidQuery(
      `Syntax error: ${word} ALL is not supported; use ${word} DISTINCT at ${location(tok)}`,
    );
  if (isWord(tokens[k + 2], 'CORRESPONDING', 'STRICT'))
    throw unsupported(`${word} ... ${tokens[k + 2].value.toUpperCase()} at ${location(tokens[k + 2])}`);
}

/** `LIMIT count`: an INT64 literal or a query parameter (the stricter reading: no expressions, no ALL). */
function checkCount(tokens: Token[], k: number): void {
  const count = tokens[k + 1];
  const after = tokens[k + 2];
  const literal = count?.kind === 'number' && /^[0-9]+$/.test(count.text);
  if (!literal && count?.kind !== 'param') throw unexpected(count, tokens[k]);
  if (after?.kind === 'op' && !isOp(after, ')') && !isOp(after, ';')) throw unexpected(after, tokens[k]);
}

/** Whether token k sits directly inside the parentheses of a call to one of `names`. */
function insideCall(tokens: Token[], k: number, names: string[]): boolean {
  let depth = 0;
  for (let i = k - 1; i >= 0; i--) {
    if (isOp(tokens[i], ')')) depth++;
    else if (isOp(tokens[i], '(') && depth-- === 0) return isWord(tokens[i - 1], ...names);
  }
  return false;
}

/**
 * In an array literal of STRUCT constructors every element must name its fields alike. DuckDB unites
 * differing names (`[STRUCT(1 AS a), STRUCT(2)]` gives fields `a` and `_field_1`, each half NULL);
 * BigQuery's pages do not say which names the array's element type keeps, so the emulator refuses.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/conversion_rules (supertypes)
 */
function checkStructNames(tokens: Token[], open: number): void {
  const close = matchingClose(tokens, open);
  const elements = splitTopLevel(tokens, open + 1, close);
  let first: string | undefined;
  for (const [s, e] of elements) {
    if (!(isWord(tokens[s], 'STRUCT') && isOp(tokens[s + 1], '(') && matchingClose(tokens, s + 1) === e - 1))
      return;
    const names = splitTopLevel(tokens, s + 2, e - 1)
      .map(([fs, fe]) => {
        const last = tokens[fe - 1];
        const named =
          (isWord(tokens[fe - 2], 'AS') || fe - fs === 1 || isOp(tokens[fe - 2], '.')) &&
          (last.kind === 'ident' || last.kind === 'quoted');
        return named ? last.value.toLowerCase() : '';
      })
      .join(', ');
    if (first === undefined) first = names;
    else if (names !== first)
      throw invalidQuery(
        `Array elements STRUCT(${first || '...'}) and STRUCT(${names || '...'}) name their fields differently at ${location(tokens[s])}; ` +
          'the local emulator refuses this (BigQuery does not document which names the array keeps)',
      );
  }
}

/** One query block (a SELECT, or a query that starts with FROM) at one parenthesis depth. */
interface Block {
  select?: Token;
  from: boolean;
  fromFirst?: Token;
  afterSetOperation: boolean;
  /** The word before the opening parenthesis (`EXTRACT(... FROM ...)` is no query). */
  call?: string;
}

const newBlock = (call?: string): Block => ({ from: false, afterSetOperation: false, call });

/**
 * Clause rules per query block: a query that starts with FROM takes pipe operators and nothing else
 * (pipe-syntax page: "A query can start with a FROM clause, and pipe operators can optionally be added
 * after the FROM clause"); a SELECT without FROM has no WHERE, GROUP BY, HAVING, QUALIFY or WINDOW
 * (BigQuery: "Query without FROM clause cannot have a WHERE clause"). QUALIFY alone after FROM is valid:
 * ZetaSQL's "QUALIFY clause must be used in conjunction with WHERE or GROUP BY or HAVING" applies only
 * where QUALIFY is not a reserved keyword (https://github.com/google/googlesql/issues/115), and it is one
 * in GoogleSQL for BigQuery (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#reserved_keywords).
 */
function checkClauses(tokens: Token[]): void {
  const blocks: Block[] = [newBlock()];
  const dml = isWord(tokens[0], 'DELETE', 'UPDATE', 'MERGE');
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    const block = blocks[blocks.length - 1];
    if (isOp(tok, '(')) {
      blocks.push(newBlock(tokens[k - 1]?.kind === 'ident' ? tokens[k - 1].value.toUpperCase() : undefined));
      continue;
    }
    if (isOp(tok, ')')) {
      if (blocks.length > 1) blocks.pop();
      continue;
    }
    if (tok.kind !== 'ident') continue;
    const word = tok.value.toUpperCase();
    if (block.fromFirst && (word === 'SELECT' || clausesAfterFrom.includes(word)))
      throw invalidQuery(
        `Syntax error: Unexpected keyword ${word} at ${location(tok)}; a query that starts with FROM takes pipe operators (|>), not clauses`,
      );
    switch (word) {
      case 'SELECT':
        Object.assign(block, { select: tok, from: false, afterSetOperation: false });
        break;
      case 'UNION':
      case 'INTERSECT':
      case 'EXCEPT':
        if (!isOp(tokens[k - 1], '*')) Object.assign(block, { select: undefined, afterSetOperation: true });
        break;
      case 'FROM':
        // `a IS DISTINCT FROM b` and `EXTRACT(part FROM x)` are no FROM clause.
        if (isWord(tokens[k - 1], 'DISTINCT') || block.call === 'EXTRACT') break;
        if (block.select) block.from = true;
        else if (!(blocks.length === 1 && dml)) {
          if (block.afterSetOperation) throw unexpected(tok, tok);
          block.fromFirst = tok;
        }
        break;
      case 'WHERE':
      case 'GROUP':
      case 'HAVING':
      case 'QUALIFY':
      case 'WINDOW':
        if (!block.select) break;
        if (!block.from)
          throw invalidQuery(
            `Query without FROM clause cannot have a ${word === 'GROUP' ? 'GROUP BY' : word} clause at ${location(tok)}`,
          );
        break;
      default:
        break;
    }
  }
}

/** `UPDATE` and `DELETE` require WHERE (use `WHERE TRUE` for every row); DuckDB does not. */
function checkDmlWhere(tokens: Token[]): void {
  if (!isWord(tokens[0], 'UPDATE', 'DELETE')) return;
  let depth = 0;
  for (const tok of tokens) {
    if (isOp(tok, '(')) depth++;
    else if (isOp(tok, ')')) depth--;
    else if (depth === 0 && isWord(tok, 'WHERE')) return;
  }
  throw invalidQuery(`${tokens[0].value.toUpperCase()} must have a WHERE clause at ${location(tokens[0])}`);
}
