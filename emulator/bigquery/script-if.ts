import { invalidQuery } from './errors';
import { isOp, isWord, tokenize, type Token } from './tokenizer';

/**
 * BigQuery's procedural IF statement
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/procedural-language#if):
 * `IF condition THEN statement; ... END IF`, which runs its statements only when the condition is TRUE.
 * The emulator runs that form alone; ELSEIF, ELSE and an IF inside an IF are refused as not emulated
 * rather than read loosely (the pipeline's serving switch needs none of them).
 */
export interface IfBlock {
  /** The condition's tokens, as `SELECT (condition)` so the engine evaluates it like any query. */
  readonly condition: Token[];
  /** The statements between THEN and END IF. */
  readonly body: Token[][];
  /** Index of the statement after END IF. */
  readonly next: number;
}

const isEndIf = (s: Token[]) => s.length === 2 && isWord(s[0], 'END') && isWord(s[1], 'IF');

/** The first THEN of an IF that is not inside parentheses or a CASE expression. */
function thenAt(tokens: Token[]): number {
  let depth = 0;
  let cases = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (isOp(t, '(') || isOp(t, '[')) depth++;
    else if (isOp(t, ')') || isOp(t, ']')) depth--;
    else if (depth === 0 && isWord(t, 'CASE')) cases++;
    else if (depth === 0 && cases > 0 && isWord(t, 'END')) cases--;
    else if (depth === 0 && cases === 0 && isWord(t, 'THEN')) return i;
  }
  return -1;
}

/**
 * The IF block that `statements[at]` opens (statements as split at `;`), or undefined when it opens none.
 * @throws BigQueryError `invalidQuery` for an IF without a condition, THEN or END IF, and for ELSEIF,
 *   ELSE or a nested IF (not emulated).
 */
export function readIfBlock(statements: Token[][], at: number): IfBlock | undefined {
  const opening = statements[at];
  if (!isWord(opening[0], 'IF')) {
    if (isWord(opening[0], 'ELSEIF', 'ELSE') || isEndIf(opening))
      throw invalidQuery(
        `Syntax error: Unexpected ${opening[0].value.toUpperCase()} outside an IF statement`,
      );
    return undefined;
  }
  const then = thenAt(opening);
  if (then < 0) throw invalidQuery('Syntax error: Expected keyword THEN in the IF statement');
  if (then === 1)
    throw invalidQuery('Syntax error: Unexpected keyword THEN: the IF statement has no condition');
  const [select, open] = tokenize('SELECT (');
  const [close] = tokenize(')');
  const condition = [select, open, ...opening.slice(1, then), close];
  const body: Token[][] = [];
  const add = (s: Token[]) => {
    if (isWord(s[0], 'IF', 'ELSEIF', 'ELSE'))
      throw invalidQuery(
        `${s[0].value.toUpperCase()} inside an IF statement is not supported by the BigQuery emulator`,
      );
    body.push(s);
  };
  const rest = opening.slice(then + 1);
  if (isEndIf(rest)) return { condition, body, next: at + 1 };
  if (rest.length > 0) add(rest);
  for (let i = at + 1; i < statements.length; i++) {
    if (isEndIf(statements[i])) return { condition, body, next: i + 1 };
    add(statements[i]);
  }
  throw invalidQuery('Syntax error: Expected END IF at the end of the IF statement');
}
