/**
 * Runtime values of the Workflows language. Integers and doubles must stay distinct (`1` vs `1.0`,
 * `/` always gives a double, 64-bit overflow is an error), so integers are `bigint` and doubles are `number`.
 * Maps are `Map` because plain objects reorder integer-like keys.
 */
export type RuntimeValue =
  null | boolean | bigint | number | string | Uint8Array | RuntimeValue[] | WfMap | FuncRef;
export type WfMap = Map<string, RuntimeValue>;

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

export function typeOf(value: RuntimeValue): TypeName {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'bigint':
      return 'integer';
    case 'number':
      return 'double';
    case 'string':
      return 'string';
  }
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Map) return 'map';
  return 'function';
}

export function isMap(value: RuntimeValue): value is WfMap {
  return value instanceof Map;
}

export function isNumber(value: RuntimeValue): value is bigint | number {
  return typeof value === 'bigint' || typeof value === 'number';
}

/** Assignment copies by value in Workflows; lists and maps are copied deeply so no aliasing leaks. */
export function deepCopy(value: RuntimeValue): RuntimeValue {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (value instanceof Map) {
    const out: WfMap = new Map();
    for (const [k, x] of value) out.set(k, deepCopy(x));
    return out;
  }
  return value;
}

export function deepEqual(left: RuntimeValue, right: RuntimeValue): boolean {
  if (isNumber(left) && isNumber(right)) {
    if (typeof left === 'bigint' && typeof right === 'bigint') return left === right;
    return Number(left) === Number(right);
  }
  if (left === right) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((x, i) => deepEqual(x, right[i]));
  }
  if (left instanceof Map && right instanceof Map) {
    if (left.size !== right.size) return false;
    for (const [key, item] of left) {
      if (!right.has(key) || !deepEqual(item, right.get(key) as RuntimeValue)) return false;
    }
    return true;
  }
  if (left instanceof Uint8Array && right instanceof Uint8Array) {
    return left.length === right.length && left.every((x, i) => x === right[i]);
  }
  if (left instanceof FuncRef && right instanceof FuncRef) return left.name === right.name;
  return false;
}

/**
 * Doubles print with a fractional part when integral (`4.0`), so that `string(4.0)` and JSON output keep
 * the distinction from the integer `4`. Non-integral doubles use the shortest round-trip form.
 */
export function formatDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const s = String(value);
  return Number.isInteger(value) && !/[e.]/.test(s) ? `${s}.0` : s;
}

/** Converts a plain JavaScript value (connector results, parsed JSON from JS) into a Workflows value. */
export function fromJs(value: unknown): RuntimeValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'bigint':
      return value;
    case 'number':
      return Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(fromJs);
  if (value instanceof Map) {
    const out: WfMap = new Map();
    for (const [k, v] of value) out.set(String(k), fromJs(v));
    return out;
  }
  if (value instanceof Date) return value.toISOString();
  const out: WfMap = new Map();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== undefined) out.set(k, fromJs(v));
  }
  return out;
}

/** Converts a Workflows value to plain JavaScript (integers become numbers) for connectors and REST bodies. */
export function toJs(value: RuntimeValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toJs);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of value) out[k] = toJs(x);
    return out;
  }
  if (value instanceof FuncRef) return `<function ${value.name}>`;
  return value;
}

/** Bytes of variable memory a value uses, per the documented accounting (8 bytes per scalar and container). */
export function memorySize(value: RuntimeValue): number {
  if (value === null || typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'number')
    return 8;
  if (typeof value === 'string') return 8 + Buffer.byteLength(value, 'utf8');
  if (value instanceof Uint8Array) return 8 + value.length;
  if (Array.isArray(value)) {
    let n = 8;
    for (const x of value) n += memorySize(x);
    return n;
  }
  if (value instanceof Map) {
    let n = 8;
    for (const [k, x] of value) n += 8 + Buffer.byteLength(k, 'utf8') + memorySize(x);
    return n;
  }
  return 8;
}
