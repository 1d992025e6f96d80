import { Tag, wfError } from '../errors';
import type { TypeName, RuntimeValue, WfMap } from '../values';
import { typeOf } from '../values';

/** Argument checks shared by the built-in functions; a wrong type is a TypeError naming the argument. */
export function arg<T extends RuntimeValue>(
  fnName: string,
  argName: string,
  value: RuntimeValue | undefined,
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

export const str = (fnName: string, argName: string, value: RuntimeValue | undefined) =>
  arg<string>(fnName, argName, value, 'string');
export const list = (fnName: string, argName: string, value: RuntimeValue | undefined) =>
  arg<RuntimeValue[]>(fnName, argName, value, 'list');
export const map = (fnName: string, argName: string, value: RuntimeValue | undefined) =>
  arg<WfMap>(fnName, argName, value, 'map');
export const bytes = (fnName: string, argName: string, value: RuntimeValue | undefined) =>
  arg<Uint8Array>(fnName, argName, value, 'bytes');
export const num = (fnName: string, argName: string, value: RuntimeValue | undefined) =>
  arg<bigint | number>(fnName, argName, value, 'integer', 'double');

/** Optional arguments arrive as `undefined` when omitted; `null` counts as omitted too. */
export function optional<T>(value: RuntimeValue | undefined, check: (v: RuntimeValue) => T): T | undefined {
  return value === undefined || value === null ? undefined : check(value);
}
