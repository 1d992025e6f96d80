import type { BinOp } from './expr-parser';
import { Tag, wfError } from './errors';
import type { RuntimeValue } from './values';
import { INT64_MAX, INT64_MIN, deepEqual, formatDouble, isMap, isNumber, typeOf } from './values';

/** Integer results must fit in 64 bits; Google reports overflow as an error rather than wrapping. */
function checkedInt(result: bigint, what: string): bigint {
  if (result > INT64_MAX || result < INT64_MIN) throw wfError(Tag.ValueError, `integer overflow in ${what}`);
  return result;
}

function checkedDouble(result: number, left: RuntimeValue, right: RuntimeValue, what: string): number {
  if (!Number.isFinite(result) && Number.isFinite(Number(left)) && Number.isFinite(Number(right))) {
    throw wfError(Tag.ValueError, `double overflow in ${what}`);
  }
  return result;
}

/** Text of a scalar as `string()` renders it. */
export function scalarText(value: RuntimeValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatDouble(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

function typeError(op: string, left: RuntimeValue, right: RuntimeValue): never {
  throw wfError(Tag.TypeError, `unsupported operand types for ${op}: ${typeOf(left)} and ${typeOf(right)}`);
}

/** Python-style floor of a bigint quotient (BigInt division truncates toward zero). */
function floorDiv(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n !== divisor < 0n ? quotient - 1n : quotient;
}

export function binary(op: BinOp, left: RuntimeValue, right: RuntimeValue): RuntimeValue {
  switch (op) {
    case '+': {
      if (typeof left === 'bigint' && typeof right === 'bigint') return checkedInt(left + right, 'addition');
      if (isNumber(left) && isNumber(right))
        return checkedDouble(Number(left) + Number(right), left, right, 'addition');
      // Strings concatenate only with strings: "count: " + 42 is a TypeError, and Google's samples convert
      // with string(...). The datatypes page's conversion table shows a string result for string + number;
      // the stricter reading is taken (see emulator/README.md), so what passes here passes on Google.
      // https://cloud.google.com/workflows/docs/reference/syntax/datatypes#implicit-conversions
      if (typeof left === 'string' && typeof right === 'string') return left + right;
      return typeError('+', left, right);
    }
    case '-':
      if (typeof left === 'bigint' && typeof right === 'bigint')
        return checkedInt(left - right, 'subtraction');
      if (isNumber(left) && isNumber(right))
        return checkedDouble(Number(left) - Number(right), left, right, 'subtraction');
      return typeError('-', left, right);
    case '*':
      if (typeof left === 'bigint' && typeof right === 'bigint')
        return checkedInt(left * right, 'multiplication');
      if (isNumber(left) && isNumber(right))
        return checkedDouble(Number(left) * Number(right), left, right, 'multiplication');
      return typeError('*', left, right);
    case '/':
      if (isNumber(left) && isNumber(right)) {
        if (Number(right) === 0) throw wfError(Tag.ZeroDivisionError, 'division by zero');
        return checkedDouble(Number(left) / Number(right), left, right, 'division');
      }
      return typeError('/', left, right);
    case '//':
      if (isNumber(left) && isNumber(right)) {
        if (Number(right) === 0) throw wfError(Tag.ZeroDivisionError, 'integer division by zero');
        if (typeof left === 'bigint' && typeof right === 'bigint')
          return checkedInt(floorDiv(left, right), 'floor division');
        return Math.floor(Number(left) / Number(right));
      }
      return typeError('//', left, right);
    case '%':
      if (isNumber(left) && isNumber(right)) {
        if (Number(right) === 0) throw wfError(Tag.ZeroDivisionError, 'modulo by zero');
        if (typeof left === 'bigint' && typeof right === 'bigint')
          return left - floorDiv(left, right) * right;
        const a = Number(left);
        const b = Number(right);
        // Sign follows the divisor, so that a == (a // b) * b + a % b holds as it does for `//` (floor).
        return a - Math.floor(a / b) * b;
      }
      return typeError('%', left, right);
    case '==':
      return deepEqual(left, right);
    case '!=':
      return !deepEqual(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, left, right);
    case 'in':
      if (Array.isArray(right)) return right.some((x) => deepEqual(left, x));
      if (isMap(right)) {
        if (typeof left !== 'string')
          throw wfError(Tag.TypeError, `map keys are strings; cannot look up ${typeOf(left)}`);
        return right.has(left);
      }
      throw wfError(Tag.TypeError, `'in' needs a list or a map on the right, got ${typeOf(right)}`);
    case 'and':
    case 'or':
      throw new Error('and/or are evaluated with short-circuit by the evaluator');
  }
}

function compare(op: '<' | '<=' | '>' | '>=', left: RuntimeValue, right: RuntimeValue): boolean {
  let c: number;
  if (typeof left === 'bigint' && typeof right === 'bigint') c = left < right ? -1 : left > right ? 1 : 0;
  else if (isNumber(left) && isNumber(right))
    c = Number(left) < Number(right) ? -1 : Number(left) > Number(right) ? 1 : 0;
  else if (typeof left === 'string' && typeof right === 'string')
    c = left < right ? -1 : left > right ? 1 : 0;
  else return typeError(op, left, right);
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

export function logicalOperand(op: string, value: RuntimeValue): boolean {
  if (typeof value !== 'boolean')
    throw wfError(Tag.TypeError, `'${op}' needs booleans, got ${typeOf(value)}`);
  return value;
}

export function negate(value: RuntimeValue): RuntimeValue {
  if (typeof value === 'bigint') return checkedInt(-value, 'negation');
  if (typeof value === 'number') return -value;
  throw wfError(Tag.TypeError, `unary minus needs a number, got ${typeOf(value)}`);
}

export function member(obj: RuntimeValue, name: string): RuntimeValue {
  if (!isMap(obj)) throw wfError(Tag.TypeError, `cannot read property '${name}' of ${typeOf(obj)}`);
  const v = obj.get(name);
  if (v === undefined) throw wfError(Tag.KeyError, `key not found: ${name}`);
  return v;
}

export function index(obj: RuntimeValue, idx: RuntimeValue): RuntimeValue {
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
