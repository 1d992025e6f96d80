import { Tag, wfError } from '../errors';
import type { TypeName, Value, WfMap } from '../values';
import { typeOf } from '../values';

/** Argument checks shared by the built-in functions; a wrong type is a TypeError naming the argument. */
export function arg<T extends Value>(
  fnName: string,
  argName: string,
  v: Value | undefined,
  ...types: TypeName[]
): T {
  const actual = typeOf(v ?? null);
  if (!types.includes(actual)) {
    throw wfError(
      Tag.TypeError,
      `${fnName}: argument '${argName}' must be ${types.join(' or ')}, got ${actual}`,
    );
  }
  return v as T;
}

export const str = (f: string, a: string, v: Value | undefined) => arg<string>(f, a, v, 'string');
export const list = (f: string, a: string, v: Value | undefined) => arg<Value[]>(f, a, v, 'list');
export const map = (f: string, a: string, v: Value | undefined) => arg<WfMap>(f, a, v, 'map');
export const bytes = (f: string, a: string, v: Value | undefined) => arg<Uint8Array>(f, a, v, 'bytes');
export const num = (f: string, a: string, v: Value | undefined) =>
  arg<bigint | number>(f, a, v, 'integer', 'double');

/** Optional arguments arrive as `undefined` when omitted; `null` counts as omitted too. */
export function optional<T>(v: Value | undefined, check: (v: Value) => T): T | undefined {
  return v === undefined || v === null ? undefined : check(v);
}
