import type { RuntimeValue, WfMap } from './values';
import { FuncRef, formatDouble } from './values';

/**
 * JSON text to Workflows values, keeping `1` an integer and `1.0` / `1e3` doubles, and integers beyond
 * 2^53 exact (JSON.parse would turn both into the same JavaScript number).
 */
export function parseJson(text: string): RuntimeValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON at offset ${i}: ${what}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const value = (): RuntimeValue => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: WfMap = new Map();
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a string key');
        const k = str();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        out.set(k, value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return out;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const out: RuntimeValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return out;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail('unexpected character');
    i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) {
      const n = BigInt(m[0]);
      // Integers outside int64 cannot be Workflows integers; Google reads them as doubles.
      return n >= -(2n ** 63n) && n < 2n ** 63n ? n : Number(m[0]);
    }
    return Number(m[0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('unterminated string');
      if (ch === '\\') i += 2;
      else if (ch === '"') break;
      else i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const v = value();
  ws();
  if (i !== text.length) fail('trailing characters');
  return v;
}

/**
 * Workflows values to JSON text. `indent` (e.g. two spaces) switches to one entry per line, each line after
 * the first starting with `prefix`. Bytes and functions are not JSON-encodable.
 */
export function encodeJson(value: RuntimeValue, format: { indent?: string; prefix?: string } = {}): string {
  const indent = format.indent ?? '';
  const prefix = format.prefix ?? '';
  const multiline = indent !== '' || prefix !== '';
  const nl = multiline ? `\n${prefix}` : '';
  const enc = (value: RuntimeValue, depth: number): string => {
    const pad = indent.repeat(depth + 1);
    const endPad = indent.repeat(depth);
    const sep = multiline ? ': ' : ':';
    if (value === null) return 'null';
    if (typeof value === 'boolean') return String(value);
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new TypeError(`${formatDouble(value)} is not JSON-encodable`);
      return formatDouble(value);
    }
    if (typeof value === 'string') return JSON.stringify(value);
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      return `[${nl}${value.map((e) => pad + enc(e, depth + 1)).join(`,${nl}`)}${nl}${endPad}]`;
    }
    if (value instanceof Map) {
      if (value.size === 0) return '{}';
      const parts = [...value].map(([k, e]) => `${pad}${JSON.stringify(k)}${sep}${enc(e, depth + 1)}`);
      return `{${nl}${parts.join(`,${nl}`)}${nl}${endPad}}`;
    }
    if (value instanceof FuncRef) throw new TypeError(`function ${value.name} is not JSON-encodable`);
    throw new TypeError('bytes are not JSON-encodable');
  };
  return enc(value, 0);
}
