/**
 * Runtime values of the Workflows language. Integers and doubles must stay distinct (`1` vs `1.0`,
 * `/` always gives a double, 64-bit overflow is an error), so integers are `bigint` and doubles are `number`.
 * Maps are `Map` because plain objects reorder integer-like keys.
 */
export type Value = null | boolean | bigint | number | string | Uint8Array | Value[] | WfMap | FuncRef;
export type WfMap = Map<string, Value>;

/**
 * A reference to a function or a named policy (`${http.default_retry_predicate}`, `${my_predicate}`,
 * `${http.default_retry}`), usable as a retry predicate or policy.
 */
export class FuncRef {
  constructor(readonly name: string) {}
}

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

export type TypeName =
  'boolean' | 'bytes' | 'double' | 'integer' | 'list' | 'map' | 'string' | 'null' | 'function';

export function typeOf(v: Value): TypeName {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'bigint':
      return 'integer';
    case 'number':
      return 'double';
    case 'string':
      return 'string';
  }
  if (v instanceof Uint8Array) return 'bytes';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'map';
  return 'function';
}

export function isMap(v: Value): v is WfMap {
  return v instanceof Map;
}

export function isNumber(v: Value): v is bigint | number {
  return typeof v === 'bigint' || typeof v === 'number';
}

/** Assignment copies by value in Workflows; lists and maps are copied deeply so no aliasing leaks. */
export function deepCopy(v: Value): Value {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v instanceof Map) {
    const out: WfMap = new Map();
    for (const [k, x] of v) out.set(k, deepCopy(x));
    return out;
  }
  return v;
}

export function deepEqual(a: Value, b: Value): boolean {
  if (isNumber(a) && isNumber(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
    return Number(a) === Number(b);
  }
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, x] of a) {
      if (!b.has(k) || !deepEqual(x, b.get(k) as Value)) return false;
    }
    return true;
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (a instanceof FuncRef && b instanceof FuncRef) return a.name === b.name;
  return false;
}

/**
 * Doubles print with a fractional part when integral (`4.0`), so that `string(4.0)` and JSON output keep
 * the distinction from the integer `4`. Non-integral doubles use the shortest round-trip form.
 */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  const s = String(n);
  return Number.isInteger(n) && !/[e.]/.test(s) ? `${s}.0` : s;
}

/** Converts a plain JavaScript value (connector results, parsed JSON from JS) into a Workflows value. */
export function fromJs(x: unknown): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'boolean':
    case 'string':
      return x;
    case 'bigint':
      return x;
    case 'number':
      return Number.isSafeInteger(x) ? BigInt(x) : x;
  }
  if (x instanceof Uint8Array) return x;
  if (Array.isArray(x)) return x.map(fromJs);
  if (x instanceof Map) {
    const out: WfMap = new Map();
    for (const [k, v] of x) out.set(String(k), fromJs(v));
    return out;
  }
  if (x instanceof Date) return x.toISOString();
  const out: WfMap = new Map();
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    if (v !== undefined) out.set(k, fromJs(v));
  }
  return out;
}

/** Converts a Workflows value to plain JavaScript (integers become numbers) for connectors and REST bodies. */
export function toJs(v: Value): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJs);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v) out[k] = toJs(x);
    return out;
  }
  if (v instanceof FuncRef) return `<function ${v.name}>`;
  return v;
}

/** Bytes of variable memory a value uses, per the documented accounting (8 bytes per scalar and container). */
export function memorySize(v: Value): number {
  if (v === null || typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return 8;
  if (typeof v === 'string') return 8 + Buffer.byteLength(v, 'utf8');
  if (v instanceof Uint8Array) return 8 + v.length;
  if (Array.isArray(v)) {
    let n = 8;
    for (const x of v) n += memorySize(x);
    return n;
  }
  if (v instanceof Map) {
    let n = 8;
    for (const [k, x] of v) n += 8 + Buffer.byteLength(k, 'utf8') + memorySize(x);
    return n;
  }
  return 8;
}
