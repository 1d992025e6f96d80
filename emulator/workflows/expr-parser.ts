import type { Value } from './values';
import { INT64_MAX } from './values';

/**
 * The expression grammar inside `${...}`. Precedence, loosest first, per the data-types page:
 * or < and < (comparison, equality, `in`: one level) < (+ -) < (* / // %) < unary - < not < [] < . < ().
 * `not` binding tighter than comparison means `not a == b` is `(not a) == b`.
 */
export type Expr =
  | { k: 'lit'; v: Value }
  | { k: 'var'; name: string }
  | { k: 'member'; obj: Expr; name: string }
  | { k: 'index'; obj: Expr; index: Expr }
  | { k: 'call'; callee: string; args: Expr[] }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'bin'; op: BinOp; l: Expr; r: Expr }
  | { k: 'list'; items: Expr[] }
  | { k: 'map'; entries: [Expr, Expr][] };

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
  | { t: 'num'; v: bigint | number; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'id'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'eof'; pos: number };

const KEYWORDS: Record<string, { t: 'op'; v: string } | { t: 'lit'; v: Value }> = {
  and: { t: 'op', v: 'and' },
  AND: { t: 'op', v: 'and' },
  or: { t: 'op', v: 'or' },
  OR: { t: 'op', v: 'or' },
  not: { t: 'op', v: 'not' },
  NOT: { t: 'op', v: 'not' },
  in: { t: 'op', v: 'in' },
  true: { t: 'lit', v: true },
  True: { t: 'lit', v: true },
  TRUE: { t: 'lit', v: true },
  false: { t: 'lit', v: false },
  False: { t: 'lit', v: false },
  FALSE: { t: 'lit', v: false },
  null: { t: 'lit', v: null },
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
        toks.push({ t: 'num', v: n, pos });
      } else {
        toks.push({ t: 'num', v: Number(m[0]), pos });
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
          t: 'str',
          v: JSON.parse(raw.replace(/\n/g, '\\n').replace(/\t/g, '\\t')) as string,
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
      toks.push({ t: 'id', v: m[0], pos });
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExprSyntaxError(`unexpected character '${c}'`, pos);
    i += op.length;
    toks.push({ t: 'op', v: op, pos });
  }
  toks.push({ t: 'eof', pos: src.length });
  return toks;
}

const COMPARISON = new Set(['<', '<=', '>', '>=', '==', '!=', 'in']);

/** Parses the text between `${` and `}`. */
export function parseExpression(src: string): Expr {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => {
    const t = toks[p];
    if (t.t === 'op' && t.v === v) return true;
    if (t.t === 'id') {
      const kw = KEYWORDS[t.v];
      return kw !== undefined && kw.t === 'op' && kw.v === v;
    }
    return false;
  };
  const expect = (v: string) => {
    if (!isOp(v)) {
      const t = peek();
      throw new ExprSyntaxError(
        `expected '${v}' but found ${t.t === 'eof' ? 'end of expression' : `'${String(t.t === 'num' ? t.v : t.v)}'`}`,
        t.pos,
      );
    }
    p++;
  };

  const binaryLevel = (ops: string[], next: () => Expr) => (): Expr => {
    let l = next();
    for (;;) {
      const op = ops.find(isOp);
      if (!op) return l;
      p++;
      l = { k: 'bin', op: op as BinOp, l, r: next() };
    }
  };
  const unary = (): Expr => {
    if (isOp('not')) {
      p++;
      return { k: 'not', e: unary() };
    }
    if (isOp('-')) {
      p++;
      const e = unary();
      if (e.k === 'lit' && typeof e.v === 'bigint') return { k: 'lit', v: -e.v };
      if (e.k === 'lit' && typeof e.v === 'number') return { k: 'lit', v: -e.v };
      return { k: 'neg', e };
    }
    return postfix();
  };
  const multiplicative = binaryLevel(['*', '//', '/', '%'], unary);
  const additive = binaryLevel(['+', '-'], multiplicative);
  const comparison = binaryLevel([...COMPARISON], additive);
  const and = binaryLevel(['and'], comparison);
  const or = binaryLevel(['or'], and);

  function dottedName(e: Expr): string | undefined {
    if (e.k === 'var') return e.name;
    if (e.k === 'member') {
      const base = dottedName(e.obj);
      return base === undefined ? undefined : `${base}.${e.name}`;
    }
    return undefined;
  }

  function postfix(): Expr {
    let e = primary();
    for (;;) {
      if (isOp('.')) {
        p++;
        const t = peek();
        if (t.t !== 'id') throw new ExprSyntaxError("expected a name after '.'", t.pos);
        p++;
        e = { k: 'member', obj: e, name: t.v };
      } else if (isOp('[')) {
        p++;
        const index = or();
        expect(']');
        e = { k: 'index', obj: e, index };
      } else if (isOp('(')) {
        const callee = dottedName(e);
        if (callee === undefined) throw new ExprSyntaxError('only named functions can be called', peek().pos);
        p++;
        const args: Expr[] = [];
        if (!isOp(')')) {
          for (;;) {
            args.push(or());
            if (isOp(',')) p++;
            else break;
          }
        }
        expect(')');
        e = { k: 'call', callee, args };
      } else {
        return e;
      }
    }
  }

  function primary(): Expr {
    const t = peek();
    if (t.t === 'num') {
      p++;
      return { k: 'lit', v: t.v };
    }
    if (t.t === 'str') {
      p++;
      return { k: 'lit', v: t.v };
    }
    if (t.t === 'id') {
      const kw = KEYWORDS[t.v];
      if (kw?.t === 'lit') {
        p++;
        return { k: 'lit', v: kw.v };
      }
      if (kw?.t === 'op') throw new ExprSyntaxError(`unexpected keyword '${t.v}'`, t.pos);
      p++;
      return { k: 'var', name: t.v };
    }
    if (t.t === 'eof') throw new ExprSyntaxError('unexpected end of expression', t.pos);
    if (t.v === '(') {
      p++;
      const e = or();
      expect(')');
      return e;
    }
    if (t.v === '[') {
      p++;
      const items: Expr[] = [];
      if (!isOp(']')) {
        for (;;) {
          items.push(or());
          if (isOp(',')) p++;
          else break;
        }
      }
      expect(']');
      return { k: 'list', items };
    }
    if (t.v === '{') {
      p++;
      const entries: [Expr, Expr][] = [];
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
      return { k: 'map', entries };
    }
    throw new ExprSyntaxError(`unexpected '${t.v}'`, t.pos);
  }

  const e = or();
  const end = peek();
  if (end.t !== 'eof')
    throw new ExprSyntaxError(`unexpected '${String(end.v)}' after the expression`, end.pos);
  checkLiteralRange(e);
  return e;
}

/** Only `-9223372036854775808` may use INT64_MAX + 1 (folded by unary minus); any other is out of range. */
function checkLiteralRange(root: Expr): void {
  walkExpr(root, (e) => {
    if (e.k === 'lit' && typeof e.v === 'bigint' && e.v > INT64_MAX) {
      throw new ExprSyntaxError(`integer literal ${e.v} is out of the 64-bit range`, 0);
    }
  });
}

/** `${...}` strings are expressions; everything else is a literal. */
export function isExpressionString(s: string): boolean {
  return s.startsWith('${') && s.endsWith('}');
}

export function expressionBody(s: string): string {
  return s.slice(2, -1);
}

/** Every function name called anywhere in the expression, and every variable read. */
export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  switch (e.k) {
    case 'member':
      walkExpr(e.obj, visit);
      break;
    case 'index':
      walkExpr(e.obj, visit);
      walkExpr(e.index, visit);
      break;
    case 'call':
      e.args.forEach((a) => walkExpr(a, visit));
      break;
    case 'not':
    case 'neg':
      walkExpr(e.e, visit);
      break;
    case 'bin':
      walkExpr(e.l, visit);
      walkExpr(e.r, visit);
      break;
    case 'list':
      e.items.forEach((a) => walkExpr(a, visit));
      break;
    case 'map':
      e.entries.forEach(([k, v]) => {
        walkExpr(k, visit);
        walkExpr(v, visit);
      });
      break;
  }
}
