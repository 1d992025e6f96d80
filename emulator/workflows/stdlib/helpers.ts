import { Tag, wfError } from '../errors';
import type { FnImplementations } from '../functions';
import { scalarText } from '../operators';
import type { RuntimeValue } from '../values';
import { INT64_MAX, INT64_MIN, typeOf } from '../values';
import { arg, map } from './args';

function toInt(value: RuntimeValue | undefined): bigint {
  const x = arg<string | number | bigint>('int', 'value', value, 'string', 'double', 'integer');
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw wfError(Tag.ValueError, `int: cannot convert ${x} to an integer`);
    const n = BigInt(Math.trunc(x));
    if (n > INT64_MAX || n < INT64_MIN) throw wfError(Tag.ValueError, `int: ${x} is out of the 64-bit range`);
    return n;
  }
  // No surrounding blanks: " 42" is not an integer literal (the stricter reading).
  if (/^[+-]?\d+$/.test(x)) {
    const n = BigInt(x);
    if (n > INT64_MAX || n < INT64_MIN)
      throw wfError(Tag.ValueError, `int: "${x}" is out of the 64-bit range`);
    return n;
  }
  throw wfError(Tag.ValueError, `int: "${x}" is not an integer`);
}

function toDouble(value: RuntimeValue | undefined): number {
  const x = arg<string | number | bigint>('double', 'value', value, 'string', 'integer', 'double');
  if (typeof x !== 'string') return Number(x);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(x)) return Number(x);
  throw wfError(Tag.ValueError, `double: "${x}" is not a number`);
}

/** Orders strings by code point (JavaScript's default sort compares UTF-16 units instead). */
export function byCodePoint(left: string, right: string): number {
  const x = [...left];
  const y = [...right];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Expression helpers: the built-ins that have no module prefix. */
export const helpers: FnImplementations = {
  int: ([v]) => toInt(v),
  double: ([v]) => toDouble(v),
  string: ([v]) => {
    const text = scalarText(v ?? null);
    if (text === undefined)
      throw wfError(Tag.TypeError, `string: cannot convert ${typeOf(v ?? null)} to a string`);
    return text;
  },
  // Sorted, as the iteration docs' map example shows; code-point order, which is UTF-8 byte order.
  // https://cloud.google.com/workflows/docs/reference/syntax/iteration
  keys: ([m]) => [...map('keys', 'map', m).keys()].sort(byCodePoint),
  len: ([v]) => {
    const x = arg<string | RuntimeValue[]>('len', 'value', v, 'string', 'list', 'map');
    if (typeof x === 'string') return BigInt([...x].length);
    if (Array.isArray(x)) return BigInt(x.length);
    return BigInt((x as unknown as Map<string, RuntimeValue>).size);
  },
  default: ([v, d]) => (v === null || v === undefined ? (d ?? null) : v),
  if: ([c, a, b]) => {
    // The condition is a boolean (expression-helpers page); null is not read as false.
    if (c === true) return a ?? null;
    if (c === false) return b ?? null;
    throw wfError(Tag.TypeError, `if: condition must be a boolean, got ${typeOf(c ?? null)}`);
  },
  get_type: ([v]) => typeOf(v ?? null),
};
