/**
 * The expression grammar inside `${...}`. Precedence, loosest first, per the data-types page:
 * or < and < (comparison, equality, `in`: one level) < (+ -) < (* / // %) < unary - < not < [] < . < ().
 * `not` binding tighter than comparison means `not a == b` is `(not a) == b`.
 */
import type { Value } from './values';
import { INT64_MAX } from './values';

/** A parsed expression: the syntax tree the evaluator walks. */
export type ExprNode =
  | { kind: 'lit'; value: Value }
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

const KEYWORDS: Record<string, { type: 'op'; value: string } | { type: 'lit'; value: Value }> = {
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

const COMPARISON = new Set(['<', '<=', '>', '>=', '==', '!=', 'in']);

/** Parses the text between `${` and `}`. */
export function parseExpression(src: string): ExprNode {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (text: string) => {
    const t = toks[p];
    if (t.type === 'op' && t.value === text) return true;
    if (t.type === 'id') {
      const kw = KEYWORDS[t.value];
      return kw !== undefined && kw.type === 'op' && kw.value === text;
    }
    return false;
  };
  const expect = (text: string) => {
    if (!isOp(text)) {
      const t = peek();
      throw new ExprSyntaxError(
        `expected '${text}' but found ${t.type === 'eof' ? 'end of expression' : `'${String(t.type === 'num' ? t.value : t.value)}'`}`,
        t.pos,
      );
    }
    p++;
  };

  const binaryLevel = (ops: string[], next: () => ExprNode) => (): ExprNode => {
    let l = next();
    for (;;) {
      const op = ops.find(isOp);
      if (!op) return l;
      p++;
      l = { kind: 'bin', op: op as BinOp, left: l, right: next() };
    }
  };
  const unary = (): ExprNode => {
    if (isOp('not')) {
      p++;
      return { kind: 'not', operand: unary() };
    }
    if (isOp('-')) {
      p++;
      const e = unary();
      if (e.kind === 'lit' && typeof e.value === 'bigint') return { kind: 'lit', value: -e.value };
      if (e.kind === 'lit' && typeof e.value === 'number') return { kind: 'lit', value: -e.value };
      return { kind: 'neg', operand: e };
    }
    return postfix();
  };
  const multiplicative = binaryLevel(['*', '//', '/', '%'], unary);
  const additive = binaryLevel(['+', '-'], multiplicative);
  const comparison = binaryLevel([...COMPARISON], additive);
  const and = binaryLevel(['and'], comparison);
  const or = binaryLevel(['or'], and);

  function dottedName(expr: ExprNode): string | undefined {
    if (expr.kind === 'var') return expr.name;
    if (expr.kind === 'member') {
      const base = dottedName(expr.obj);
      return base === undefined ? undefined : `${base}.${expr.name}`;
    }
    return undefined;
  }

  function postfix(): ExprNode {
    let e = primary();
    for (;;) {
      if (isOp('.')) {
        p++;
        const t = peek();
        if (t.type !== 'id') throw new ExprSyntaxError("expected a name after '.'", t.pos);
        p++;
        e = { kind: 'member', obj: e, name: t.value };
      } else if (isOp('[')) {
        p++;
        const index = or();
        expect(']');
        e = { kind: 'index', obj: e, index };
      } else if (isOp('(')) {
        const callee = dottedName(e);
        if (callee === undefined) throw new ExprSyntaxError('only named functions can be called', peek().pos);
        p++;
        const args: ExprNode[] = [];
        if (!isOp(')')) {
          for (;;) {
            args.push(or());
            if (isOp(',')) p++;
            else break;
          }
        }
        expect(')');
        e = { kind: 'call', callee, args };
      } else {
        return e;
      }
    }
  }

  function primary(): ExprNode {
    const t = peek();
    if (t.type === 'num') {
      p++;
      return { kind: 'lit', value: t.value };
    }
    if (t.type === 'str') {
      p++;
      return { kind: 'lit', value: t.value };
    }
    if (t.type === 'id') {
      const kw = KEYWORDS[t.value];
      if (kw?.type === 'lit') {
        p++;
        return { kind: 'lit', value: kw.value };
      }
      if (kw?.type === 'op') throw new ExprSyntaxError(`unexpected keyword '${t.value}'`, t.pos);
      p++;
      return { kind: 'var', name: t.value };
    }
    if (t.type === 'eof') throw new ExprSyntaxError('unexpected end of expression', t.pos);
    if (t.value === '(') {
      p++;
      const e = or();
      expect(')');
      return e;
    }
    if (t.value === '[') {
      p++;
      const items: ExprNode[] = [];
      if (!isOp(']')) {
        for (;;) {
          items.push(or());
          if (isOp(',')) p++;
          else break;
        }
      }
      expect(']');
      return { kind: 'list', items };
    }
    if (t.value === '{') {
      p++;
      const entries: [ExprNode, ExprNode][] = [];
      if (!isOp('}')) {
        for (;;) {
          const key = or();
          expect(':');
          entries.push([key, or()]);
          if (isOp(',')) p++;
          else break;
        }
      }
      expect('}');
      return { kind: 'map', entries };
    }
    throw new ExprSyntaxError(`unexpected '${t.value}'`, t.pos);
  }

  const e = or();
  const end = peek();
  if (end.type !== 'eof')
    throw new ExprSyntaxError(`unexpected '${String(end.value)}' after the expression`, end.pos);
  checkLiteralRange(e);
  return e;
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
