import {
  BLOCKING_FUNCTIONS,
  BUILTIN_VALUES,
  CONNECTOR_PREFIX,
  EXPRESSION_HELPERS,
  PURE_FUNCTIONS,
  STDLIB_MODULES,
  lookup,
} from './stdlib';
import type { BuiltinValue, ExpressionHelper, FunctionSignature, PureFunction } from './stdlib';

/**
 * A value accepted wherever Workflows takes data: JSON literals, nested freely with expressions.
 * Plain JS numbers that are integers render as integers; use `dbl()` for a double with an integral value.
 * Map entries whose value is `undefined` are left out, as JSON.stringify does, so optional fields can be
 * written inline.
 */
export type ValueInput =
  | Expr
  | null
  | boolean
  | number
  | string
  | readonly ValueInput[]
  | { readonly [key: string]: ValueInput | undefined };

type BinaryOp =
  '+' | '-' | '*' | '/' | '//' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'and' | 'or';

type Node =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: null | boolean | string | number; readonly double: boolean }
  | { readonly kind: 'list'; readonly items: readonly Node[] }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, Node])[] }
  | { readonly kind: 'member'; readonly object: Node; readonly key: string }
  | { readonly kind: 'index'; readonly object: Node; readonly index: Node }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Node[] }
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: 'not' | '-'; readonly operand: Node }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Node; readonly right: Node };

/** A call of a subworkflow inside an expression (positional arguments), kept for the arity check. */
export interface SubworkflowCall {
  readonly name: string;
  readonly argCount: number;
}

// Precedence, higher binds tighter; from the documented order of operations.
const ATOM = 10;
const POSTFIX = 9; // member `.` and index `[]`
const NOT = 8;
const NEG = 7;
const BINARY_PRECEDENCE: Record<BinaryOp, number> = {
  '*': 6,
  '/': 6,
  '//': 6,
  '%': 6,
  '+': 5,
  '-': 5,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '==': 4,
  '!=': 4,
  in: 4,
  and: 3,
  or: 2,
};
const COMPARISON = 4;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'and', 'or', 'not', 'in']);

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name.toLowerCase());
}

/** An expression of the Workflows expression language. Build it only with the constructors of this module. */
export class Expr {
  private constructor(
    /** @internal */ readonly node: Node,
    /** Root variable names this expression reads. */
    readonly reads: ReadonlySet<string>,
    /** Subworkflows called inside this expression. */
    readonly subworkflowCalls: readonly SubworkflowCall[],
  ) {}

  /** @internal */
  static of(node: Node, parts: readonly Expr[], extraRead?: string, extraCall?: SubworkflowCall): Expr {
    const reads = new Set<string>(extraRead === undefined ? [] : [extraRead]);
    const calls: SubworkflowCall[] = [];
    for (const part of parts) {
      for (const r of part.reads) reads.add(r);
      calls.push(...part.subworkflowCalls);
    }
    if (extraCall) calls.push(extraCall);
    return new Expr(node, reads, calls);
  }

  /** The expression text without the surrounding `${` `}`. */
  get source(): string {
    return renderNode(this.node);
  }

  /** True when the expression is a JSON literal without variables or calls (rendered as plain YAML). */
  get isLiteral(): boolean {
    return isLiteralNode(this.node);
  }

  /** Member access: `.key` when `key` is an identifier, `["key"]` otherwise. */
  get(key: string): Expr {
    return Expr.of({ kind: 'member', object: this.node, key }, [this]);
  }

  /** Index access `[i]` (list index or map key expression). */
  at(index: ValueInput): Expr {
    const i = toExpr(index);
    return Expr.of({ kind: 'index', object: this.node, index: i.node }, [this, i]);
  }

  add(other: ValueInput): Expr {
    return binary('+', this, other);
  }
  sub(other: ValueInput): Expr {
    return binary('-', this, other);
  }
  mul(other: ValueInput): Expr {
    return binary('*', this, other);
  }
  /** Float division `/` (always a double). */
  div(other: ValueInput): Expr {
    return binary('/', this, other);
  }
  floorDiv(other: ValueInput): Expr {
    return binary('//', this, other);
  }
  mod(other: ValueInput): Expr {
    return binary('%', this, other);
  }
  eq(other: ValueInput): Expr {
    return binary('==', this, other);
  }
  ne(other: ValueInput): Expr {
    return binary('!=', this, other);
  }
  lt(other: ValueInput): Expr {
    return binary('<', this, other);
  }
  le(other: ValueInput): Expr {
    return binary('<=', this, other);
  }
  gt(other: ValueInput): Expr {
    return binary('>', this, other);
  }
  ge(other: ValueInput): Expr {
    return binary('>=', this, other);
  }
  /** `this in container`: key of a map or element of a list. */
  in(container: ValueInput): Expr {
    return binary('in', this, container);
  }
  and(other: ValueInput): Expr {
    return binary('and', this, other);
  }
  or(other: ValueInput): Expr {
    return binary('or', this, other);
  }
  neg(): Expr {
    return neg(this);
  }
  not(): Expr {
    return not(this);
  }

  /** Guards against `'text' + expr`, which would silently produce "[object Object]". */
  toString(): string {
    throw new Error(`an Expr cannot be converted to a string (${this.source}); use .add() or tpl\`...\``);
  }
}

function binary(op: BinaryOp, left: ValueInput, right: ValueInput): Expr {
  const l = toExpr(left);
  const r = toExpr(right);
  return Expr.of({ kind: 'binary', op, left: l.node, right: r.node }, [l, r]);
}

/** Reference to a variable (also params, loop values, `result` names, `except.as`). */
export function v(name: string): Expr {
  if (!isIdentifier(name)) throw new Error(`invalid variable name ${JSON.stringify(name)}`);
  return Expr.of({ kind: 'var', name }, [], name);
}

/** A literal (string, number, boolean, null, list, map); lists and maps may nest expressions. */
export function lit(value: ValueInput): Expr {
  return toExpr(value);
}

/** A double literal, rendered with a fractional part (`1.0`) so it stays a double. */
export function dbl(value: number): Expr {
  checkFinite(value);
  return Expr.of({ kind: 'literal', value, double: true }, []);
}

export function not(x: ValueInput): Expr {
  const e = toExpr(x);
  return Expr.of({ kind: 'unary', op: 'not', operand: e.node }, [e]);
}

export function neg(x: ValueInput): Expr {
  const e = toExpr(x);
  return Expr.of({ kind: 'unary', op: '-', operand: e.node }, [e]);
}

/**
 * A function call inside an expression: an expression helper (`len`, `default`, `if`, ...), a non-blocking
 * stdlib function (`text.split`, `map.get`, ...) or a subworkflow (positional arguments). Blocking functions
 * (http.*, sys.log, sys.sleep, events.*, connectors) are rejected: they must be `call` steps.
 */
export function fn(
  name: ExpressionHelper | PureFunction | (string & Record<never, never>),
  ...args: ValueInput[]
): Expr {
  const exprs = args.map(toExpr);
  const node: Node = { kind: 'call', fn: name, args: exprs.map((e) => e.node) };
  const known =
    lookup<FunctionSignature>(EXPRESSION_HELPERS, name) ?? lookup<FunctionSignature>(PURE_FUNCTIONS, name);
  if (known) {
    const max = known.required.length + known.optional.length;
    if (args.length < known.required.length || args.length > max) {
      const expected = known.optional.length === 0 ? `${max}` : `${known.required.length} to ${max}`;
      throw new Error(`${name}() takes ${expected} argument(s), got ${args.length}`);
    }
    return Expr.of(node, exprs);
  }
  if (
    lookup(BLOCKING_FUNCTIONS, name) ||
    name.startsWith(CONNECTOR_PREFIX) ||
    /^(http|events)\./.test(name)
  ) {
    throw new Error(`${name} is a blocking call and cannot be used inside an expression; use a call step`);
  }
  const moduleName = name.split('.')[0];
  if (name.includes('.')) {
    const why = (STDLIB_MODULES as readonly string[]).includes(moduleName)
      ? 'unknown stdlib function'
      : 'unknown';
    throw new Error(`${why} ${name}() in an expression`);
  }
  if (!isIdentifier(name)) throw new Error(`invalid function name ${JSON.stringify(name)}`);
  return Expr.of(node, exprs, undefined, { name, argCount: args.length });
}

/** A named stdlib value such as `http.default_retry` or `http.default_retry_predicate`. */
export function builtin(name: BuiltinValue): Expr {
  if (!(BUILTIN_VALUES as readonly string[]).includes(name)) throw new Error(`unknown builtin value ${name}`);
  return Expr.of({ kind: 'builtin', name }, []);
}

/**
 * String building: tpl`gs://${bucket}/train.jsonl` becomes `"gs://" + bucket + "/train.jsonl"`.
 * Interpolated values are joined with `+`; wrap non-strings in fn('string', x) where the type matters.
 */
export function tpl(strings: TemplateStringsArray, ...values: ValueInput[]): Expr {
  // Plain JS strings are merged into the surrounding text, so the expression has one literal per run.
  const parts: (string | Expr)[] = [];
  const push = (part: string | Expr) => {
    const last = parts[parts.length - 1];
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
    else parts.push(part);
  };
  strings.forEach((s, i) => {
    push(s);
    if (i < values.length) push(typeof values[i] === 'string' ? (values[i] as string) : toExpr(values[i]));
  });
  const exprs = parts.filter((p) => p !== '').map((p) => (typeof p === 'string' ? lit(p) : p));
  if (exprs.length === 0) return lit('');
  return exprs.slice(1).reduce((acc, p) => acc.add(p), exprs[0]);
}

/** Lifts any accepted value to an Expr, checking that it is representable. */
export function toExpr(value: ValueInput): Expr {
  if (value instanceof Expr) return value;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return Expr.of({ kind: 'literal', value, double: false }, []);
  }
  if (typeof value === 'number') {
    checkFinite(value);
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new Error(`integer ${value} is outside the exactly representable range`);
    }
    return Expr.of({ kind: 'literal', value, double: !Number.isInteger(value) }, []);
  }
  if (Array.isArray(value)) {
    const items = (value as readonly ValueInput[]).map(toExpr);
    return Expr.of({ kind: 'list', items: items.map((e) => e.node) }, items);
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, ValueInput | undefined>).flatMap(([k, x]) =>
      x === undefined ? [] : [[k, toExpr(x)] as const],
    );
    return Expr.of(
      { kind: 'map', entries: entries.map(([k, e]) => [k, e.node] as const) },
      entries.map(([, e]) => e),
    );
  }
  throw new Error(`not a Workflows value: ${typeof value === 'object' ? 'object of a class' : typeof value}`);
}

function checkFinite(value: number): void {
  if (!Number.isFinite(value)) throw new Error(`number ${value} cannot be represented in Workflows`);
}

function isLiteralNode(node: Node): boolean {
  switch (node.kind) {
    case 'literal':
      return true;
    case 'list':
      return node.items.every(isLiteralNode);
    case 'map':
      return node.entries.every(([, n]) => isLiteralNode(n));
    default:
      return false;
  }
}

// Not `ExprNode`: that name is the interpreter's parsed expression (emulator/workflows/expr-parser.ts).
export type { Node as ExprTree };

/**
 * Renders the expression parts of a value (the parts that become `${...}` text) and so surfaces errors
 * such as unencodable string literals before rendering. Literal parts become plain YAML and need no escape.
 */
export function checkExpressionText(value: ValueInput): void {
  const visit = (node: Node): void => {
    if (node.kind === 'literal') return;
    if (node.kind === 'list') node.items.forEach(visit);
    else if (node.kind === 'map') node.entries.forEach(([, n]) => visit(n));
    else renderNode(node);
  };
  visit(toExpr(value).node);
}

/** Workflows string literal: double-quoted; only the documented escapes are produced. */
export function quoteString(s: string): string {
  // Other control characters have no documented escape in the expression grammar.
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && ch !== '\n') || code === 0x7f) {
      const hex = code.toString(16).padStart(4, '0');
      throw new Error(`string literal contains control character U+${hex}, which has no Workflows escape`);
    }
  }
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
}

export function formatNumber(value: number, double: boolean): string {
  const text = String(value);
  if (!double || /[.eE]/.test(text)) return text;
  return text + '.0';
}

function precedence(node: Node): number {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'number' && (node.value < 0 || Object.is(node.value, -0)) ? NEG : ATOM;
    case 'member':
    case 'index':
      return POSTFIX;
    case 'unary':
      return node.op === 'not' ? NOT : NEG;
    case 'binary':
      return BINARY_PRECEDENCE[node.op];
    default:
      return ATOM;
  }
}

function wrap(node: Node, minimum: number): string {
  const text = renderNode(node);
  return precedence(node) < minimum ? `(${text})` : text;
}

function renderNode(node: Node): string {
  switch (node.kind) {
    case 'var':
    case 'builtin':
      return node.name;
    case 'literal':
      if (node.value === null) return 'null';
      if (typeof node.value === 'string') return quoteString(node.value);
      if (typeof node.value === 'number') return formatNumber(node.value, node.double);
      return String(node.value);
    case 'list':
      return `[${node.items.map(renderNode).join(', ')}]`;
    case 'map':
      return `{${node.entries.map(([k, n]) => `${quoteString(k)}: ${renderNode(n)}`).join(', ')}}`;
    case 'member':
      return isIdentifier(node.key)
        ? `${wrap(node.object, POSTFIX)}.${node.key}`
        : `${wrap(node.object, POSTFIX)}[${quoteString(node.key)}]`;
    case 'index':
      return `${wrap(node.object, POSTFIX)}[${renderNode(node.index)}]`;
    case 'call':
      return `${node.fn}(${node.args.map(renderNode).join(', ')})`;
    case 'unary': {
      if (node.op === 'not') return `not ${wrap(node.operand, NOT)}`;
      const operand = wrap(node.operand, NEG);
      // `--x` would read as a different token sequence; keep nested negation explicit.
      return operand.startsWith('-') ? `-(${operand})` : `-${operand}`;
    }
    case 'binary': {
      const p = BINARY_PRECEDENCE[node.op];
      const associative = node.op === 'and' || node.op === 'or';
      // Comparisons do not chain: parenthesise a comparison on either side.
      const left = p === COMPARISON ? p + 1 : p;
      const right = associative ? p : p + 1;
      return `${wrap(node.left, left)} ${node.op} ${wrap(node.right, right)}`;
    }
  }
}
