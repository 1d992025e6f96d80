import type { BinOp } from './expr-parser';
import { Tag, wfError } from './errors';
import type { Value } from './values';
import { INT64_MAX, INT64_MIN, deepEqual, formatDouble, isMap, isNumber, typeOf } from './values';

/** Integer results must fit in 64 bits; Google reports overflow as an error rather than wrapping. */
function checkedInt(n: bigint, what: string): bigint {
  if (n > INT64_MAX || n < INT64_MIN) throw wfError(Tag.ValueError, `integer overflow in ${what}`);
  return n;
}

function checkedDouble(n: number, a: Value, b: Value, what: string): number {
  if (!Number.isFinite(n) && Number.isFinite(Number(a)) && Number.isFinite(Number(b))) {
    throw wfError(Tag.ValueError, `double overflow in ${what}`);
  }
  return n;
}

/** Text of a scalar as `string()` renders it. */
export function scalarText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatDouble(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

function typeError(op: string, l: Value, r: Value): never {
  throw wfError(Tag.TypeError, `unsupported operand types for ${op}: ${typeOf(l)} and ${typeOf(r)}`);
}

/** Python-style floor of a bigint quotient (BigInt division truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function binary(op: BinOp, l: Value, r: Value): Value {
  switch (op) {
    case '+': {
      if (typeof l === 'bigint' && typeof r === 'bigint') return checkedInt(l + r, 'addition');
      if (isNumber(l) && isNumber(r)) return checkedDouble(Number(l) + Number(r), l, r, 'addition');
      // Strings concatenate only with strings: "count: " + 42 is a TypeError, and Google's samples convert
      // with string(...). The datatypes page's conversion table shows a string result for string + number;
      // the stricter reading is taken (see emulator/README.md), so what passes here passes on Google.
      // https://cloud.google.com/workflows/docs/reference/syntax/datatypes#implicit-conversions
      if (typeof l === 'string' && typeof r === 'string') return l + r;
      return typeError('+', l, r);
    }
    case '-':
      if (typeof l === 'bigint' && typeof r === 'bigint') return checkedInt(l - r, 'subtraction');
      if (isNumber(l) && isNumber(r)) return checkedDouble(Number(l) - Number(r), l, r, 'subtraction');
      return typeError('-', l, r);
    case '*':
      if (typeof l === 'bigint' && typeof r === 'bigint') return checkedInt(l * r, 'multiplication');
      if (isNumber(l) && isNumber(r)) return checkedDouble(Number(l) * Number(r), l, r, 'multiplication');
      return typeError('*', l, r);
    case '/':
      if (isNumber(l) && isNumber(r)) {
        if (Number(r) === 0) throw wfError(Tag.ZeroDivisionError, 'division by zero');
        return checkedDouble(Number(l) / Number(r), l, r, 'division');
      }
      return typeError('/', l, r);
    case '//':
      if (isNumber(l) && isNumber(r)) {
        if (Number(r) === 0) throw wfError(Tag.ZeroDivisionError, 'integer division by zero');
        if (typeof l === 'bigint' && typeof r === 'bigint')
          return checkedInt(floorDiv(l, r), 'floor division');
        return Math.floor(Number(l) / Number(r));
      }
      return typeError('//', l, r);
    case '%':
      if (isNumber(l) && isNumber(r)) {
        if (Number(r) === 0) throw wfError(Tag.ZeroDivisionError, 'modulo by zero');
        if (typeof l === 'bigint' && typeof r === 'bigint') return l - floorDiv(l, r) * r;
        const a = Number(l);
        const b = Number(r);
        // Sign follows the divisor, so that a == (a // b) * b + a % b holds as it does for `//` (floor).
        return a - Math.floor(a / b) * b;
      }
      return typeError('%', l, r);
    case '==':
      return deepEqual(l, r);
    case '!=':
      return !deepEqual(l, r);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, l, r);
    case 'in':
      if (Array.isArray(r)) return r.some((x) => deepEqual(l, x));
      if (isMap(r)) {
        if (typeof l !== 'string')
          throw wfError(Tag.TypeError, `map keys are strings; cannot look up ${typeOf(l)}`);
        return r.has(l);
      }
      throw wfError(Tag.TypeError, `'in' needs a list or a map on the right, got ${typeOf(r)}`);
    case 'and':
    case 'or':
      throw new Error('and/or are evaluated with short-circuit by the evaluator');
  }
}

function compare(op: '<' | '<=' | '>' | '>=', l: Value, r: Value): boolean {
  let c: number;
  if (typeof l === 'bigint' && typeof r === 'bigint') c = l < r ? -1 : l > r ? 1 : 0;
  else if (isNumber(l) && isNumber(r)) c = Number(l) < Number(r) ? -1 : Number(l) > Number(r) ? 1 : 0;
  else if (typeof l === 'string' && typeof r === 'string') c = l < r ? -1 : l > r ? 1 : 0;
  else return typeError(op, l, r);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

export function logicalOperand(op: string, v: Value): boolean {
  if (typeof v !== 'boolean') throw wfError(Tag.TypeError, `'${op}' needs booleans, got ${typeOf(v)}`);
  return v;
}

export function negate(v: Value): Value {
  if (typeof v === 'bigint') return checkedInt(-v, 'negation');
  if (typeof v === 'number') return -v;
  throw wfError(Tag.TypeError, `unary minus needs a number, got ${typeOf(v)}`);
}

export function member(obj: Value, name: string): Value {
  if (!isMap(obj)) throw wfError(Tag.TypeError, `cannot read property '${name}' of ${typeOf(obj)}`);
  const v = obj.get(name);
  if (v === undefined) throw wfError(Tag.KeyError, `key not found: ${name}`);
  return v;
}

export function index(obj: Value, idx: Value): Value {
  if (Array.isArray(obj)) {
    if (typeof idx !== 'bigint')
      throw wfError(Tag.TypeError, `list index must be an integer, got ${typeOf(idx)}`);
    if (idx < 0n || idx >= BigInt(obj.length)) {
      throw wfError(Tag.IndexError, `list index ${idx} out of range (length ${obj.length})`);
    }
    return obj[Number(idx)];
  }
  if (isMap(obj)) {
    if (typeof idx !== 'string') throw wfError(Tag.TypeError, `map key must be a string, got ${typeOf(idx)}`);
    const v = obj.get(idx);
    if (v === undefined) throw wfError(Tag.KeyError, `key not found: ${idx}`);
    return v;
  }
  throw wfError(Tag.TypeError, `cannot index ${typeOf(obj)}`);
}
