/**
 * The expression grammar inside `${...}`. Precedence, loosest first, per the data-types page:
 * or < and < (comparison, equality, `in`: one level) < (+ -) < (* / // %) < unary - < not < [] < . < ().
 * `not` binding tighter than comparison means `not a == b` is `(not a) == b`.
 */
import type { RuntimeValue } from './values';
import { INT64_MAX } from './values';

/** A parsed expression: the syntax tree the evaluator walks. */
export type ExprNode =
  | { kind: 'lit'; value: RuntimeValue }
  | { kind: 'var'; name: string }
  | { kind: 'member'; obj: ExprNode; name: string }
  | { kind: 'index'; obj: ExprNode; index: ExprNode }
  | { kind: 'call'; callee: string; args: ExprNode[] }
  | { kind: 'not'; operand: ExprNode }
  | { kind: 'neg'; operand: ExprNode }
  | { kind: 'bin'; op: BinOp; left: ExprNode; right: ExprNode }
  | { kind: 'list'; items: ExprNode[] }
  | { kind: 'map'; entries: [ExprNode, ExprNode][] };

export type BinOp =
  'or' | 'and' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | '+' | '-' | '*' | '/' | '//' | '%';

export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ExprSyntaxError';
  }
}

type Tok =
  | { type: 'num'; value: bigint | number; pos: number }
  | { type: 'str'; value: string; pos: number }
  | { type: 'id'; value: string; pos: number }
  | { type: 'op'; value: string; pos: number }
  | { type: 'eof'; pos: number };

const KEYWORDS: Record<string, { type: 'op'; value: string } | { type: 'lit'; value: RuntimeValue }> = {
  and: { type: 'op', value: 'and' },
  AND: { type: 'op', value: 'and' },
  or: { type: 'op', value: 'or' },
  OR: { type: 'op', value: 'or' },
  not: { type: 'op', value: 'not' },
  NOT: { type: 'op', value: 'not' },
  in: { type: 'op', value: 'in' },
  true: { type: 'lit', value: true },
  True: { type: 'lit', value: true },
  TRUE: { type: 'lit', value: true },
  false: { type: 'lit', value: false },
  False: { type: 'lit', value: false },
  FALSE: { type: 'lit', value: false },
  null: { type: 'lit', value: null },
};

const OPERATORS = [
  '//',
  '<=',
  '>=',
  '==',
  '!=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
];

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const pos = i;
    if (/[0-9]/.test(c)) {
      const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i)) as RegExpExecArray;
      i += m[0].length;
      if (m[1] === undefined && m[2] === undefined) {
        const n = BigInt(m[0]);
        // The literal's sign comes from unary minus, so INT64_MAX + 1 is allowed only as `-9223372036854775808`.
        if (n > INT64_MAX + 1n)
          throw new ExprSyntaxError(`integer literal ${m[0]} is out of the 64-bit range`, pos);
        toks.push({ type: 'num', value: n, pos });
      } else {
        toks.push({ type: 'num', value: Number(m[0]), pos });
      }
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new ExprSyntaxError('unterminated string literal', pos);
      const raw = src.slice(i, j + 1);
      try {
        toks.push({
          type: 'str',
          value: JSON.parse(raw.replace(/\n/g, '\\n').replace(/\t/g, '\\t')) as string,
          pos,
        });
      } catch {
        throw new ExprSyntaxError(`invalid escape in string literal ${raw}`, pos);
      }
      i = j + 1;
      continue;
    }
    if (c === "'") {
      throw new ExprSyntaxError('string literals use double quotes ("...") in Workflows expressions', pos);
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      i += m[0].length;
      toks.push({ type: 'id', value: m[0], pos });
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExprSyntaxError(`unexpected character '${c}'`, pos);
    i += op.length;
    toks.push({ type: 'op', value: op, pos });
  }
  toks.push({ type: 'eof', pos: src.length });
  return toks;
}

const COMPARISON_OPS = ['<', '<=', '>', '>=', '==', '!=', 'in'];

/** Parses the text between `${` and `}`. */
export function parseExpression(src: string): ExprNode {
  const parser = new ExprParser(tokenize(src));
  const expr = parser.or();
  const end = parser.peek();
  if (end.type !== 'eof')
    throw new ExprSyntaxError(`unexpected '${String(end.value)}' after the expression`, end.pos);
  checkLiteralRange(expr);
  return expr;
}

function dottedName(expr: ExprNode): string | undefined {
  if (expr.kind === 'var') return expr.name;
  if (expr.kind === 'member') {
    const base = dottedName(expr.obj);
    return base === undefined ? undefined : `${base}.${expr.name}`;
  }
  return undefined;
}

/** Recursive descent over the tokens, one method per precedence level (loosest first: `or`). */
class ExprParser {
  private position = 0;

  constructor(private readonly tokens: Tok[]) {}

  peek(): Tok {
    return this.tokens[this.position];
  }

  /** Whether the current token is the operator or operator keyword `text`. */
  private isOp(text: string): boolean {
    const token = this.tokens[this.position];
    if (token.type === 'op' && token.value === text) return true;
    if (token.type === 'id') {
      const keyword = KEYWORDS[token.value];
      return keyword !== undefined && keyword.type === 'op' && keyword.value === text;
    }
    return false;
  }

  private expect(text: string): void {
    if (!this.isOp(text)) {
      const token = this.peek();
      throw new ExprSyntaxError(
        `expected '${text}' but found ${token.type === 'eof' ? 'end of expression' : `'${String(token.value)}'`}`,
        token.pos,
      );
    }
    this.position++;
  }

  /** Left-associative operators of one precedence level over the next tighter level. */
  private binary(ops: readonly string[], next: () => ExprNode): ExprNode {
    let left = next();
    for (;;) {
      const op = ops.find((candidate) => this.isOp(candidate));
      if (!op) return left;
      this.position++;
      left = { kind: 'bin', op: op as BinOp, left, right: next() };
    }
  }

  or = (): ExprNode => this.binary(['or'], this.and);
  private and = (): ExprNode => this.binary(['and'], this.comparison);
  private comparison = (): ExprNode => this.binary(COMPARISON_OPS, this.additive);
  private additive = (): ExprNode => this.binary(['+', '-'], this.multiplicative);
  private multiplicative = (): ExprNode => this.binary(['*', '//', '/', '%'], this.unary);

  private unary = (): ExprNode => {
    if (this.isOp('not')) {
      this.position++;
      return { kind: 'not', operand: this.unary() };
    }
    if (this.isOp('-')) {
      this.position++;
      const operand = this.unary();
      if (operand.kind === 'lit' && typeof operand.value === 'bigint')
        return { kind: 'lit', value: -operand.value };
      if (operand.kind === 'lit' && typeof operand.value === 'number')
        return { kind: 'lit', value: -operand.value };
      return { kind: 'neg', operand };
    }
    return this.postfix();
  };

  /** Items separated by commas up to the closing `close` (consumed); `item` reads one. */
  private commaList<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    if (!this.isOp(close)) {
      for (;;) {
        items.push(item());
        if (this.isOp(',')) this.position++;
        else break;
      }
    }
    this.expect(close);
    return items;
  }

  private postfix(): ExprNode {
    let expr = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.position++;
        const token = this.peek();
        if (token.type !== 'id') throw new ExprSyntaxError("expected a name after '.'", token.pos);
        this.position++;
        expr = { kind: 'member', obj: expr, name: token.value };
      } else if (this.isOp('[')) {
        this.position++;
        const index = this.or();
        this.expect(']');
        expr = { kind: 'index', obj: expr, index };
      } else if (this.isOp('(')) {
        const callee = dottedName(expr);
        if (callee === undefined)
          throw new ExprSyntaxError('only named functions can be called', this.peek().pos);
        this.position++;
        expr = { kind: 'call', callee, args: this.commaList(')', this.or) };
      } else {
        return expr;
      }
    }
  }

  private primary(): ExprNode {
    const token = this.peek();
    if (token.type === 'num' || token.type === 'str') {
      this.position++;
      return { kind: 'lit', value: token.value };
    }
    if (token.type === 'id') {
      const keyword = KEYWORDS[token.value];
      if (keyword?.type === 'lit') {
        this.position++;
        return { kind: 'lit', value: keyword.value };
      }
      if (keyword?.type === 'op') throw new ExprSyntaxError(`unexpected keyword '${token.value}'`, token.pos);
      this.position++;
      return { kind: 'var', name: token.value };
    }
    if (token.type === 'eof') throw new ExprSyntaxError('unexpected end of expression', token.pos);
    if (token.value === '(') {
      this.position++;
      const expr = this.or();
      this.expect(')');
      return expr;
    }
    if (token.value === '[') {
      this.position++;
      return { kind: 'list', items: this.commaList(']', this.or) };
    }
    if (token.value === '{') {
      this.position++;
      const entries = this.commaList('}', (): [ExprNode, ExprNode] => {
        const key = this.or();
        this.expect(':');
        return [key, this.or()];
      });
      return { kind: 'map', entries };
    }
    throw new ExprSyntaxError(`unexpected '${token.value}'`, token.pos);
  }
}

/** Only `-9223372036854775808` may use INT64_MAX + 1 (folded by unary minus); any other is out of range. */
function checkLiteralRange(root: ExprNode): void {
  walkExpr(root, (e) => {
    if (e.kind === 'lit' && typeof e.value === 'bigint' && e.value > INT64_MAX) {
      throw new ExprSyntaxError(`integer literal ${e.value} is out of the 64-bit range`, 0);
    }
  });
}

/** `${...}` strings are expressions; everything else is a literal. */
export function isExpressionString(text: string): boolean {
  return text.startsWith('${') && text.endsWith('}');
}

export function expressionBody(text: string): string {
  return text.slice(2, -1);
}

/** Every function name called anywhere in the expression, and every variable read. */
export function walkExpr(expr: ExprNode, visit: (expr: ExprNode) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'member':
      walkExpr(expr.obj, visit);
      break;
    case 'index':
      walkExpr(expr.obj, visit);
      walkExpr(expr.index, visit);
      break;
    case 'call':
      expr.args.forEach((a) => walkExpr(a, visit));
      break;
    case 'not':
    case 'neg':
      walkExpr(expr.operand, visit);
      break;
    case 'bin':
      walkExpr(expr.left, visit);
      walkExpr(expr.right, visit);
      break;
    case 'list':
      expr.items.forEach((a) => walkExpr(a, visit));
      break;
    case 'map':
      expr.entries.forEach(([k, v]) => {
        walkExpr(k, visit);
        walkExpr(v, visit);
      });
      break;
  }
}
