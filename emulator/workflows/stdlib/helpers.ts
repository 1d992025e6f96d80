import { Tag, wfError } from '../errors';
import type { FnTable } from '../functions';
import { fn } from '../functions';
import { scalarText } from '../operators';
import type { Value } from '../values';
import { INT64_MAX, INT64_MIN, typeOf } from '../values';
import { arg, map } from './args';

function toInt(v: Value | undefined): bigint {
  const x = arg<string | number | bigint>('int', 'arg', v, 'string', 'double', 'integer');
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw wfError(Tag.ValueError, `int: cannot convert ${x} to an integer`);
    const n = BigInt(Math.trunc(x));
    if (n > INT64_MAX || n < INT64_MIN) throw wfError(Tag.ValueError, `int: ${x} is out of the 64-bit range`);
    return n;
  }
  const t = x.trim();
  if (/^[+-]?\d+$/.test(t)) {
    const n = BigInt(t);
    if (n > INT64_MAX || n < INT64_MIN)
      throw wfError(Tag.ValueError, `int: "${x}" is out of the 64-bit range`);
    return n;
  }
  throw wfError(Tag.ValueError, `int: "${x}" is not an integer`);
}

function toDouble(v: Value | undefined): number {
  const x = arg<string | number | bigint>('double', 'arg', v, 'string', 'integer', 'double');
  if (typeof x !== 'string') return Number(x);
  const t = x.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  throw wfError(Tag.ValueError, `double: "${x}" is not a number`);
}

/** Expression helpers: the built-ins that have no module prefix. */
export const helpers: FnTable = {
  int: fn(['arg'], ([v]) => toInt(v)),
  double: fn(['arg'], ([v]) => toDouble(v)),
  string: fn(['arg'], ([v]) => {
    const text = scalarText(v ?? null);
    if (text === undefined)
      throw wfError(Tag.TypeError, `string: cannot convert ${typeOf(v ?? null)} to a string`);
    return text;
  }),
  keys: fn(['map'], ([m]) => [...map('keys', 'map', m).keys()]),
  len: fn(['value'], ([v]) => {
    const x = arg<string | Value[]>('len', 'value', v, 'string', 'list', 'map');
    if (typeof x === 'string') return BigInt([...x].length);
    if (Array.isArray(x)) return BigInt(x.length);
    return BigInt((x as unknown as Map<string, Value>).size);
  }),
  default: fn(['val', 'default_val'], ([v, d]) => (v === null || v === undefined ? (d ?? null) : v)),
  if: fn(['condition', 'if_true', 'if_false'], ([c, a, b]) => {
    if (c === true) return a ?? null;
    if (c === false || c === null) return b ?? null;
    throw wfError(Tag.TypeError, `if: condition must be a boolean, got ${typeOf(c ?? null)}`);
  }),
  get_type: fn(['value'], ([v]) => typeOf(v ?? null)),
};
