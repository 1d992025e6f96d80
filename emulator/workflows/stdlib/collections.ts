import { Tag, wfError } from '../errors';
import type { FnImplementations, FnRun } from '../functions';
import type { RuntimeValue, WfMap } from '../values';
import { deepCopy, isMap, typeOf } from '../values';
import { arg, list, map, num, str } from './args';

function mergeNested(base: WfMap, overlay: WfMap): WfMap {
  const out = deepCopy(base) as WfMap;
  for (const [key, value] of overlay) {
    const current = out.get(key);
    out.set(
      key,
      current instanceof Map && value instanceof Map ? mergeNested(current, value) : deepCopy(value),
    );
  }
  return out;
}

function minMax(name: string, pick: (a: number, b: number) => boolean): FnRun {
  return ([x, y]) => {
    const a = num(name, 'x', x);
    const b = num(name, 'y', y);
    const chosen = pick(Number(a), Number(b)) ? a : b;
    // Mixed integer/double arguments give a double, as arithmetic does.
    return typeof a === typeof b ? chosen : Number(chosen);
  };
}

export const collections: FnImplementations = {
  'list.concat': ([l, v]) => [...list('list.concat', 'objs', l), deepCopy(v ?? null)],
  'list.prepend': ([l, v]) => [deepCopy(v ?? null), ...list('list.prepend', 'objs', l)],
  'map.get': ([m, k]) => {
    const path = arg<string | RuntimeValue[]>('map.get', 'keys', k, 'string', 'list');
    let cur: RuntimeValue = m ?? null;
    for (const key of Array.isArray(path) ? path : [path]) {
      if (typeof key !== 'string')
        throw wfError(Tag.TypeError, `map.get: keys must be strings, got ${typeOf(key)}`);
      if (!isMap(cur)) return null;
      cur = cur.get(key) ?? null;
    }
    return cur;
  },
  'map.delete': ([m, k]) => {
    const out = deepCopy(map('map.delete', 'map', m)) as WfMap;
    out.delete(str('map.delete', 'key', k));
    return out;
  },
  'map.merge': ([a, b]) => {
    const out = deepCopy(map('map.merge', 'first', a)) as WfMap;
    for (const [k, v] of map('map.merge', 'second', b)) out.set(k, deepCopy(v));
    return out;
  },
  'map.merge_nested': ([a, b]) =>
    mergeNested(map('map.merge_nested', 'first', a), map('map.merge_nested', 'second', b)),
  'math.abs': ([x]) => {
    const v = num('math.abs', 'x', x);
    return typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v);
  },
  'math.max': minMax('math.max', (a, b) => a >= b),
  'math.min': minMax('math.min', (a, b) => a <= b),
};
