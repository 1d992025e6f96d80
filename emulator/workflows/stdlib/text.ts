import { wfError } from '../errors';
import type { FnTable } from '../functions';
import { fn } from '../functions';
import type { Value } from '../values';
import { bytes, num, optional, str } from './args';
import { Re2SyntaxError, re2MatchAll, re2ReplaceAll, re2Test } from '../../../workflows/re2';

function charset(fnName: string, v: Value | undefined): BufferEncoding {
  const name = (optional(v, (x) => str(fnName, 'charset', x)) ?? 'UTF-8').toUpperCase();
  if (name === 'UTF-8' || name === 'UTF8') return 'utf8';
  if (name === 'ISO-8859-1' || name === 'LATIN1') return 'latin1';
  if (name === 'US-ASCII' || name === 'ASCII') return 'ascii';
  throw wfError('ValueError', `${fnName}: unsupported charset ${name}`);
}

/** Indexes are in characters (code points), as `len()` counts them, not UTF-16 units. */
function codePointIndex(s: string, utf16Index: number): bigint {
  return BigInt([...s.slice(0, utf16Index)].length);
}

/** Runs an RE2 operation; a pattern RE2 rejects is the documented ValueError, naming the function. */
function onRe2<T>(fnName: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof Re2SyntaxError) throw wfError('ValueError', `${fnName}: ${e.message}`);
    throw e;
  }
}

export const text: FnTable = {
  'text.decode': fn(
    ['data', 'charset'],
    ([d, c]) => Buffer.from(bytes('text.decode', 'data', d)).toString(charset('text.decode', c)),
    { required: 1 },
  ),
  'text.encode': fn(
    ['text', 'charset'],
    ([t, c]) => new Uint8Array(Buffer.from(str('text.encode', 'text', t), charset('text.encode', c))),
    { required: 1 },
  ),
  'text.find_all': fn(['source', 'substr'], ([s, sub]) => {
    const source = str('text.find_all', 'source', s);
    const needle = str('text.find_all', 'substr', sub);
    const out: Value[] = [];
    if (needle === '') return out;
    for (let i = source.indexOf(needle); i >= 0; i = source.indexOf(needle, i + needle.length)) {
      out.push(codePointIndex(source, i));
    }
    return out;
  }),
  'text.find_all_regex': fn(['source', 'regexp'], ([s, r]) => {
    const source = str('text.find_all_regex', 'source', s);
    const pattern = str('text.find_all_regex', 'regexp', r);
    return onRe2('text.find_all_regex', () => re2MatchAll(pattern, source)).map(
      (m) =>
        new Map<string, Value>([
          ['index', codePointIndex(source, m.index)],
          ['match', m.groups[0] as string],
        ]),
    );
  }),
  'text.match_regex': fn(['source', 'regexp'], ([s, r]) => {
    const source = str('text.match_regex', 'source', s);
    const pattern = str('text.match_regex', 'regexp', r);
    return onRe2('text.match_regex', () => re2Test(pattern, source));
  }),
  'text.replace_all': fn(['source', 'substr', 'repl'], ([s, sub, rep]) =>
    str('text.replace_all', 'source', s)
      .split(str('text.replace_all', 'substr', sub))
      .join(str('text.replace_all', 'repl', rep)),
  ),
  'text.replace_all_regex': fn(['source', 'substr', 'repl'], ([s, r, rep]) => {
    const source = str('text.replace_all_regex', 'source', s);
    const pattern = str('text.replace_all_regex', 'substr', r);
    const repl = str('text.replace_all_regex', 'repl', rep);
    // RE2 rewrite strings refer to groups as \1 .. \9.
    return onRe2('text.replace_all_regex', () =>
      re2ReplaceAll(pattern, source, (m) =>
        repl.replace(/\\(\d)/g, (_t, d: string) => m.groups[Number(d)] ?? ''),
      ),
    );
  }),
  'text.split': fn(['source', 'separator'], ([s, sep]) =>
    str('text.split', 'source', s).split(str('text.split', 'separator', sep)),
  ),
  'text.substring': fn(['source', 'start', 'end'], ([s, a, b]) => {
    const chars = [...str('text.substring', 'source', s)];
    const clamp = (v: Value | undefined, name: string) =>
      Math.min(chars.length, Math.max(0, Number(num('text.substring', name, v))));
    return chars.slice(clamp(a, 'start'), clamp(b, 'end')).join('');
  }),
  'text.to_lower': fn(['source'], ([s]) => str('text.to_lower', 'source', s).toLowerCase()),
  'text.to_upper': fn(['source'], ([s]) => str('text.to_upper', 'source', s).toUpperCase()),
  'text.url_decode': fn(['source'], ([s]) => {
    try {
      return decodeURIComponent(str('text.url_decode', 'source', s).replace(/\+/g, ' '));
    } catch {
      throw wfError('ValueError', 'text.url_decode: malformed percent-encoding');
    }
  }),
  'text.url_encode': fn(['source'], ([s]) =>
    encodeURIComponent(str('text.url_encode', 'source', s)).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    ),
  ),
  'text.url_encode_plus': fn(['source'], ([s]) =>
    encodeURIComponent(str('text.url_encode_plus', 'source', s))
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+'),
  ),
};
