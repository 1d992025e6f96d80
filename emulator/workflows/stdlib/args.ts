import { Tag, wfError } from '../errors';
import type { TypeName, Value, WfMap } from '../values';
import { typeOf } from '../values';

/** Argument checks shared by the built-in functions; a wrong type is a TypeError naming the argument. */
export function arg<T extends Value>(
  fnName: string,
  argName: string,
  value: Value | undefined,
  ...types: TypeName[]
): T {
  const actual = typeOf(value ?? null);
  if (!types.includes(actual)) {
    throw wfError(
      Tag.TypeError,
      `${fnName}: argument '${argName}' must be ${types.join(' or ')}, got ${actual}`,
    );
  }
  return value as T;
}

export const str = (fnName: string, argName: string, value: Value | undefined) =>
  arg<string>(fnName, argName, value, 'string');
export const list = (fnName: string, argName: string, value: Value | undefined) =>
  arg<Value[]>(fnName, argName, value, 'list');
export const map = (fnName: string, argName: string, value: Value | undefined) =>
  arg<WfMap>(fnName, argName, value, 'map');
export const bytes = (fnName: string, argName: string, value: Value | undefined) =>
  arg<Uint8Array>(fnName, argName, value, 'bytes');
export const num = (fnName: string, argName: string, value: Value | undefined) =>
  arg<bigint | number>(fnName, argName, value, 'integer', 'double');

/** Optional arguments arrive as `undefined` when omitted; `null` counts as omitted too. */
export function optional<T>(value: Value | undefined, check: (v: Value) => T): T | undefined {
  return value === undefined || value === null ? undefined : check(value);
}
